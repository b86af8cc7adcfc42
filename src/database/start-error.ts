// A one-line reason the embedded database cannot start, and what to do about it (main.ts prints only the message).
export class DatabaseStartError extends Error {}
