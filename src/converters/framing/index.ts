export { prefix, suffix } from './affix.js';
export { askToDecode } from './ask-to-decode.js';
