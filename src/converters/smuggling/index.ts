export { bidiWrap, decodeBidiWrap } from './bidi-wrap.js';
export { decodeUnicodeTags, unicodeTags } from './unicode-tags.js';
export { decodeVariationSelectors, variationSelectors } from './variation-selectors.js';
export { decodeZeroWidth, zeroWidth } from './zero-width.js';
