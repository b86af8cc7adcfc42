import {
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  UploadedFile,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { NotFoundException } from '../common/app.exception.js';
import { PublicVerificationService } from '../documents/verify/public-verification.service.js';
import { WebCsrfGuard } from './csrf.js';
import { PageService } from './render/page.service.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { isUuid } from '../kernel/uuid.js';

const SHORT_HASH = /^[0-9a-f]{6,64}$/;
// A signed national list is a few megabytes; anything far larger is not a document of ours.
const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;

const PAGE = { 'text/html': { schema: { type: 'string' } } };
const DOCUMENT_ID = { name: 'id', format: 'uuid', description: 'The document’s id, as printed in its QR code.' };

// The page a document's QR code opens: no account needed, nothing personal shown. Unlike the other pages it is in the
// API description, because its address is printed on every document and read by other systems.
@ApiTags('verification')
@ApiProduces('text/html')
@ApiNotFoundResponse({ description: 'Trang báo không có văn bản với mã này (HTML).', content: PAGE })
@UseFilters(WebExceptionFilter)
@UseGuards(WebCsrfGuard)
@Controller('xac-minh')
export class PublicVerificationController {
  constructor(
    private readonly verification: PublicVerificationService,
    private readonly pages: PageService,
  ) {}

  @Public()
  @Get(':id')
  @ApiParam(DOCUMENT_ID)
  @ApiQuery({
    name: 'h',
    required: false,
    schema: { type: 'string', pattern: SHORT_HASH.source },
    description: 'The shortened snapshot hash printed beside the QR code; the page says whether it matches.',
  })
  @ApiOkResponse({ description: 'Trang xác minh (HTML).', content: PAGE })
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async show(@Param('id') id: string, @Query('h') printedHash: unknown): Promise<string> {
    const hash = typeof printedHash === 'string' && SHORT_HASH.test(printedHash) ? printedHash : undefined;
    return this.render(id, { printedHash: hash });
  }

  @Public()
  @Post(':id')
  @ApiParam(DOCUMENT_ID)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary', description: 'The PDF to compare, at most 30 MB.' } },
    },
  })
  @ApiOkResponse({ description: 'Trang xác minh với kết quả so sánh tệp (HTML).', content: PAGE })
  @ApiForbiddenResponse({ description: 'Trang báo yêu cầu gửi từ trang web khác bị từ chối (HTML).', content: PAGE })
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  async upload(@Param('id') id: string, @UploadedFile() file: { buffer: Buffer } | undefined): Promise<string> {
    return this.render(id, { file: file ? new Uint8Array(file.buffer) : undefined });
  }

  private async render(id: string, input: { printedHash?: string; file?: Uint8Array }): Promise<string> {
    if (!isUuid(id)) throw new NotFoundException('văn bản');
    const result = await this.verification.check(id, input);
    return this.pages.renderBare('documents/verify', 'Xác minh văn bản', { id, result });
  }
}
