import { seededRandom } from '../../src/core/random.js';
import { writeGguf, type GgufTensor, type GgufValue } from './gguf-writer.js';

/**
 * A tiny `llama`-architecture GGUF that llama.cpp loads and runs: 2 layers, 64-wide embeddings, a SentencePiece
 * (`llama`) vocabulary of byte-fallback tokens plus a few control tokens, f32 weights from a seeded generator.
 *
 * With `reply`, the weights are *designed* rather than random where it matters, so greedy decoding writes a known
 * text whatever the prompt: the attention and feed-forward outputs are zeroed (each layer adds nothing to the
 * residual stream), every prompt token's embedding points along one axis that the output layer maps to the reply's
 * first token, each reply token has an axis of its own that maps to the next one, and the last maps to `</s>`. It
 * is still a real model run by llama.cpp — tokenizer, template, evaluation, sampling, detokenizer — only its answer
 * is known in advance, so a test can check a classifier's verdict end to end.
 */
export type TinyLlamaOptions = {
  /** Seeds the random weights (a different seed, a different model). */
  readonly seed: number;
  /** Pieces greedy decoding writes, in order, then `</s>` (SentencePiece pieces: '▁' is a space; each must be 2+ characters). */
  readonly reply?: readonly string[];
  /** `tokenizer.chat_template` to embed (Jinja), so node-llama-cpp picks a chat wrapper from it. */
  readonly chatTemplate?: string;
};

const nEmbd = 64;
const nHead = 4;
const nFf = 128;
const nLayer = 2;
const contextLength = 2048;
// Random weights: small enough that activations stay finite through the layers.
const weightScale = 0.05;
// Logit of the designed next token: far above every other (they are 0 ± the noise in the unused axes).
const replyLogit = 30;
// How far a prompt token's embedding strays from its axis, in the axes the output layer ignores.
const embeddingNoise = 0.1;

// llama.cpp token types (llama.h): normal, unknown, control, byte.
const tokenType = { normal: 1, unknown: 2, control: 3, byte: 6 } as const;

/** Control tokens of the chat and classifier templates, so rendered prompts tokenize their markers as llama.cpp would. */
export const tinyControlTokens = ['<|im_start|>', '<|im_end|>', '<|start_header_id|>', '<|end_header_id|>', '<|eot_id|>'] as const;

/** A ChatML template node-llama-cpp recognises (its ChatMLChatWrapper). */
export const chatMlTemplate =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

type Vocabulary = { readonly tokens: string[]; readonly types: number[]; readonly reply: number[] };

function vocabulary(reply: readonly string[]): Vocabulary {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types: number[] = [tokenType.unknown, tokenType.control, tokenType.control];
  for (let byte = 0; byte < 256; byte += 1) {
    tokens.push(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(tokenType.byte);
  }
  for (const control of tinyControlTokens) {
    tokens.push(control);
    types.push(tokenType.control);
  }
  // SentencePiece writes a space as '▁'; as a token of its own it detokenizes back to a space (as bytes it would not).
  tokens.push('▁');
  types.push(tokenType.normal);
  const ids: number[] = [];
  for (const piece of reply) {
    // A one-character piece would replace a byte token when prompts are tokenized; a repeated one would loop.
    if ([...piece].length < 2 || tokens.includes(piece)) throw new Error(`reply piece ${JSON.stringify(piece)} must be new and 2+ characters`);
    ids.push(tokens.length);
    tokens.push(piece);
    types.push(tokenType.normal);
  }
  return { tokens, types, reply: ids };
}

/** The bytes of a tiny llama GGUF (see the type's comment). */
export function tinyLlamaGguf(options: TinyLlamaOptions): Buffer {
  const random = seededRandom(options.seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const filled = (size: number, scale: number): Float32Array => Float32Array.from({ length: size }, () => gaussian() * scale);
  const vocab = vocabulary(options.reply ?? []);
  const nVocab = vocab.tokens.length;
  const scripted = vocab.reply.length > 0;
  const embeddings = filled(nEmbd * nVocab, scripted ? 0 : 1);
  const output = filled(nEmbd * nVocab, scripted ? 0 : weightScale);
  if (scripted) designReply({ embeddings, output, vocab, noise: () => gaussian() * embeddingNoise });
  const tensors: GgufTensor[] = [
    { name: 'token_embd.weight', shape: [nEmbd, nVocab], data: embeddings },
    { name: 'output_norm.weight', shape: [nEmbd], data: new Float32Array(nEmbd).fill(1) },
    { name: 'output.weight', shape: [nEmbd, nVocab], data: output },
  ];
  for (let layer = 0; layer < nLayer; layer += 1) {
    const block = (name: string, shape: readonly number[], scale: number): GgufTensor =>
      ({ name: `blk.${layer}.${name}.weight`, shape, data: filled(shape.reduce((a, b) => a * b, 1), scale) });
    // Designed replies need layers that add nothing to the residual stream: their output projections are zero.
    const outScale = scripted ? 0 : weightScale;
    tensors.push(
      { name: `blk.${layer}.attn_norm.weight`, shape: [nEmbd], data: new Float32Array(nEmbd).fill(1) },
      block('attn_q', [nEmbd, nEmbd], weightScale),
      block('attn_k', [nEmbd, nEmbd], weightScale),
      block('attn_v', [nEmbd, nEmbd], weightScale),
      block('attn_output', [nEmbd, nEmbd], outScale),
      { name: `blk.${layer}.ffn_norm.weight`, shape: [nEmbd], data: new Float32Array(nEmbd).fill(1) },
      block('ffn_gate', [nEmbd, nFf], weightScale),
      block('ffn_up', [nEmbd, nFf], weightScale),
      block('ffn_down', [nFf, nEmbd], outScale),
    );
  }
  return writeGguf({ metadata: metadata(vocab, options.chatTemplate), tensors });
}

/** Axis 0 carries every non-reply token to the first reply piece; axis i+1 carries reply piece i to the next, the last to `</s>`. */
function designReply(input: { embeddings: Float32Array; output: Float32Array; vocab: Vocabulary; noise: () => number }): void {
  const { embeddings, output, vocab } = input;
  const axes = vocab.reply.length + 1;
  if (axes >= nEmbd) throw new Error(`a designed reply has at most ${nEmbd - 2} pieces`);
  for (let token = 0; token < vocab.tokens.length; token += 1) {
    const row = token * nEmbd;
    const piece = vocab.reply.indexOf(token);
    if (piece >= 0) embeddings[row + piece + 1] = 1;
    else {
      embeddings[row] = 1;
      for (let axis = axes; axis < nEmbd; axis += 1) embeddings[row + axis] = input.noise();
    }
  }
  const next = [...vocab.reply, 2];
  next.forEach((token, axis) => (output[token * nEmbd + axis] = replyLogit));
}

function metadata(vocab: Vocabulary, chatTemplate: string | undefined): [string, GgufValue][] {
  const u32 = (value: number): GgufValue => ({ type: 'u32', value });
  return [
    ['general.architecture', { type: 'string', value: 'llama' }],
    ['general.name', { type: 'string', value: 'redline-tiny-test' }],
    ['llama.context_length', u32(contextLength)],
    ['llama.embedding_length', u32(nEmbd)],
    ['llama.block_count', u32(nLayer)],
    ['llama.feed_forward_length', u32(nFf)],
    ['llama.attention.head_count', u32(nHead)],
    ['llama.attention.head_count_kv', u32(nHead)],
    ['llama.rope.dimension_count', u32(nEmbd / nHead)],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'f32', value: 1e-5 }],
    ['tokenizer.ggml.model', { type: 'string', value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: 'strings', value: vocab.tokens }],
    ['tokenizer.ggml.scores', { type: 'f32s', value: vocab.tokens.map(() => 0) }],
    ['tokenizer.ggml.token_type', { type: 'i32s', value: vocab.types }],
    ['tokenizer.ggml.unknown_token_id', u32(0)],
    ['tokenizer.ggml.bos_token_id', u32(1)],
    ['tokenizer.ggml.eos_token_id', u32(2)],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
    ['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }],
    // Without it the tokenizer prefixes a space, and node-llama-cpp warns that text does not survive a round trip.
    ['tokenizer.ggml.add_space_prefix', { type: 'bool', value: false }],
    ...(chatTemplate === undefined ? [] : [['tokenizer.chat_template', { type: 'string', value: chatTemplate }] as [string, GgufValue]]),
  ];
}
