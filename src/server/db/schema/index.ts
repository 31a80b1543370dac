export * from './org.ts';
export * from './identity.ts';
export * from './platform.ts';
