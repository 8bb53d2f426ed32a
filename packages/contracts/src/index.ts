export * from './common.ts';
export * from './idea-content.ts';
