import type { SchemaObject } from '@nestjs/swagger';

export const LIVE_SCHEMA: SchemaObject = {
  type: 'object',
  properties: { status: { type: 'string', enum: ['ok'] } },
  required: ['status'],
  example: { status: 'ok' },
};

const INDICATORS: SchemaObject = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['up', 'down', 'degraded'] } },
    required: ['status'],
  },
};

// @nestjs/terminus' report: each indicator (database, queue, storage, browser) under info, error and details.
export const HEALTH_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'error', 'shutting_down', 'degraded'] },
    info: INDICATORS,
    error: INDICATORS,
    details: INDICATORS,
  },
  required: ['status'],
  example: {
    status: 'ok',
    info: { database: { status: 'up' }, queue: { status: 'up' }, storage: { status: 'up' }, browser: { status: 'up' } },
    error: {},
    details: {
      database: { status: 'up' },
      queue: { status: 'up' },
      storage: { status: 'up' },
      browser: { status: 'up' },
    },
  },
};
