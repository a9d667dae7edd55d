// Reading and describing redline.yaml.
export { loadConfig, parseConfigText, type LoadedConfig } from '../config/load-config.js';
export { configJsonSchema } from '../config/schema.js';
