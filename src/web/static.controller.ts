import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { Public } from '../auth/auth.decorators.js';
import { NotFoundException } from '../common/app.exception.js';
import { findProjectRoot } from '../documents/render/project-paths.js';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

// The stylesheet and the little client script, from public/. Only known file types inside that folder are served.
@ApiExcludeController()
@Controller('assets')
export class StaticController {
  private readonly root = resolve(findProjectRoot(), 'public');

  @Public()
  @Get('*path')
  file(@Param('path') path: string | string[], @Res() response: Response): void {
    const relativePath = Array.isArray(path) ? path.join('/') : path;
    const full = resolve(join(this.root, relativePath));
    const type = TYPES[extname(full)];
    if (!type || !full.startsWith(this.root + sep) || !existsSync(full) || !statSync(full).isFile())
      throw new NotFoundException('tệp');
    response.setHeader('content-type', type);
    response.setHeader('cache-control', 'public, max-age=300');
    response.sendFile(full);
  }
}
