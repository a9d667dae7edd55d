export { createHttpTarget, httpTargetOptions, type HttpTargetInput, type HttpTargetOptions } from './http-target.js';
export { parseJsonPath, readJsonPath, type JsonPath, type JsonPathStep } from './json-path.js';
export { renderBodyTemplate, type JsonValue } from './body-template.js';
