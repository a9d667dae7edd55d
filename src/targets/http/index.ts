export { createHttpTarget } from './http-target.js';
export { httpTargetOptions, type HttpTargetInput, type HttpTargetOptions } from './http-target-options.js';
export { parseJsonPath, readJsonPath, type JsonPath, type JsonPathStep } from './json-path.js';
export { renderBodyTemplate, type BodyFill, type JsonValue } from './body-template.js';
export { httpTargetType } from './http-target-type.js';
