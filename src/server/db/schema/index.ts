export * from './org.ts';
export * from './identity.ts';
export * from './platform.ts';
export * from './talent.ts';
export * from './learning.ts';
export * from './development.ts';
export * from './insight.ts';
export * from './performance.ts';
