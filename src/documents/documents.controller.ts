import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SessionUser } from '../auth/session-user.js';
import { Role } from '../auth/user.entity.js';
import { DocumentException, DocumentExceptionCode } from './documents.exception.js';
import { CreateDocumentDto } from './documents.dto.js';
import { DocumentsService } from './documents.service.js';
import type { DocumentRow } from './documents.repository.js';
import { DocumentVerificationService } from './verify/document-verification.service.js';

// Documents carry personal data: every role of the pipeline, not the system administrator.
const DOCUMENT_ROLES = [
  Role.TEAM_OFFICER,
  Role.CAMP_COUNCIL_MEMBER,
  Role.WARDEN,
  Role.DEPARTMENT_OFFICER,
  Role.MINISTRY_OFFICER,
  Role.APPRAISER,
  Role.COUNCIL_STANDING_OFFICER,
  Role.COUNCIL_MEMBER,
  // A court prints and checks the documents of its own list of persons on suspension (scope decides what it reads).
  Role.COURT_OFFICER,
  Role.COURT_PRESIDENT,
  // The Supreme People's Court prints its decisions on second complaints about the courts' lists.
  Role.SUPREME_COURT_OFFICER,
];

const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

function view(document: DocumentRow) {
  return {
    id: document.id,
    kind: document.kind,
    number: document.number,
    title: document.title,
    sourceType: document.source_type,
    sourceId: document.source_id,
    snapshotHash: document.snapshot_hash,
    sha256: document.file_sha256,
    renderSha256: document.render_sha256,
    signature: document.signed_by
      ? {
          signedBy: document.signed_by,
          signedAt: document.signed_at,
          certificateSha256: document.signer_certificate_sha256,
        }
      : null,
    pages: document.pages,
    fileSize: document.file_size === null ? null : Number(document.file_size),
    createdAt: document.created_at,
    renderedAt: document.rendered_at,
  };
}

@ApiTags('documents')
@Controller('api/documents')
@Roles(...DOCUMENT_ROLES)
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly verification: DocumentVerificationService,
  ) {}

  @Post()
  @HttpCode(202)
  create(@CurrentUser() user: SessionUser, @Body() body: CreateDocumentDto) {
    return this.documents.request(user, body);
  }

  @Post('verify')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES } }))
  async verify(@CurrentUser() user: SessionUser, @UploadedFile() file: { buffer: Buffer } | undefined) {
    if (!file)
      throw new DocumentException('Hãy tải lên một tệp PDF trong trường "file".', DocumentExceptionCode.INVALID_PDF);
    const result = await this.verification.verify(user, new Uint8Array(file.buffer));
    return { ...result, documents: result.documents.map(view) };
  }

  @Get('jobs/:id')
  job(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.job(user, id);
  }

  @Get(':id')
  async get(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return view(await this.documents.document(user, id));
  }

  @Get(':id/file')
  async file(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { document, bytes } = await this.documents.file(user, id);
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      disposition: `inline; filename="${document.id}.pdf"`,
      length: bytes.byteLength,
    });
  }
}
