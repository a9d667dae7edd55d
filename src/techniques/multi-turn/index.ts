export * from './attacker-prompt.js';
export * from './conversation-script.js';
export * from './converse-turns.js';
export * from './crescendo.js';
export * from './crescendo-prompt.js';
export * from './red-team-conversation.js';
export * from './scripted-conversation.js';
