import { ParseIntPipe, ParseUUIDPipe, type INestApplication, type Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { IS_PUBLIC, ROLES } from '../auth/auth.decorators.js';
import { CommonErrorCode, registeredErrorCodes } from '../common/error-codes.js';
import { applyImplicitValidationRules } from '../common/implicit-validation-rules.js';
import { ErrorResponse, FieldErrorView } from './error-response.js';
import { schemaFromValidators } from './validator-schema.js';
import { OPERATION_TEXTS } from './operation-summaries.js';
import { OPERATION_ERRORS } from './operation-errors.js';
import { RESPONSE_SCHEMAS } from './response-schemas.js';
import { requestExample } from './request-examples.js';
import { getMetadataStorage } from 'class-validator';

const DESCRIPTION = `Hồ sơ đề nghị đặc xá: từ bỏ phiếu kín ở đội đến danh sách trình Chủ tịch nước.

Summaries are Vietnamese; descriptions say the same in English with the details. Every error has one shape
(\`ErrorResponse\`): a stable \`code\` for programs, a Vietnamese \`message\` for people and, on \`VALIDATION_FAILED\`,
\`errors[]\` with the path of each field. Each operation lists the codes it can answer under each status.
Sign in with \`POST /api/auth/login\`, then send the token as \`Authorization: Bearer …\` (or the \`sid\` cookie).
A write authenticated by the cookie must come from this site (same-origin \`Origin\` or \`Referer\`) and carry
\`X-Requested-With\` or the page's \`X-CSRF-Token\`; otherwise it is refused with 403 \`CSRF\`. Bearer tokens are exempt.
Logins are throttled per account and per client address: 429 with \`Retry-After\`.`;

const STATUS_TEXT: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ (400): dữ liệu, tham số đường dẫn hoặc JSON sai.',
  401: 'Chưa xác thực (401): chưa đăng nhập, phiên hết hạn hoặc sai thông tin đăng nhập.',
  403: 'Không có quyền (403): vai trò của người dùng không được thực hiện thao tác này, hoặc yêu cầu ghi bằng cookie phiên thiếu mã chống giả mạo (CSRF).',
  404: 'Không tìm thấy (404): không có, hoặc nằm ngoài phạm vi đơn vị của người dùng.',
  409: 'Xung đột (409): dữ liệu đã bị người khác thay đổi hoặc trạng thái không cho phép.',
  413: 'Dữ liệu quá lớn (413).',
  422: 'Không xử lý được (422): yêu cầu đúng dạng nhưng không thỏa điều kiện nghiệp vụ.',
  429: 'Quá nhiều yêu cầu (429): hãy chờ rồi thử lại.',
};

const EXAMPLE_MESSAGES: Partial<Record<string, string>> = {
  [CommonErrorCode.VALIDATION_FAILED]: 'Dữ liệu không hợp lệ: xem danh sách lỗi theo từng trường.',
  [CommonErrorCode.UNAUTHENTICATED]: 'Bạn cần đăng nhập để tiếp tục.',
  [CommonErrorCode.FORBIDDEN]: 'Bạn không có quyền thực hiện thao tác này.',
  [CommonErrorCode.NOT_FOUND]: 'Không tìm thấy hồ sơ.',
  [CommonErrorCode.STALE_VERSION]:
    'Hồ sơ đã được người khác thay đổi (phiên bản bạn đọc: 2, hiện tại: 3). Hãy tải lại dữ liệu mới nhất rồi thực hiện lại.',
};

interface Route {
  isPublic: boolean;
  hasRoles: boolean;
  // A path parameter goes through ParseUUIDPipe or ParseIntPipe, which refuse a malformed one with 400.
  parsesPath: boolean;
  codes: string[];
}

const PATH_PIPES = new Set<unknown>([ParseUUIDPipe, ParseIntPipe]);

function parsesPath(controller: Type<unknown>, name: string): boolean {
  const args: Record<string, { pipes?: unknown[] }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
  return Object.values(args).some((arg) =>
    (arg.pipes ?? []).some((pipe) => PATH_PIPES.has(pipe) || PATH_PIPES.has((pipe as object)?.constructor)),
  );
}

// The one description of the HTTP API: served at /api/docs-json and written by `write-openapi-cli` for the typed
// client. Security requirements and error responses are derived from the same metadata the guard and the pipes read.
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  // The bounds the validation pipe adds to every DTO, also when the description is written without a running app.
  applyImplicitValidationRules();
  const config = new DocumentBuilder()
    .setTitle('amnesty-pipeline API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addServer('/', 'Máy chủ đang phục vụ trang tài liệu này')
    .addBearerAuth()
    .addCookieAuth('sid')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponse, FieldErrorView] });
  const schemas = (document.components!.schemas ??= {}) as Record<string, SchemaObject>;
  fillValidatorSchemas(schemas);
  const routes = routesOf(app);
  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      if (!operation?.operationId) continue;
      const route = routes.get(operation.operationId);
      if (!route) throw new Error(`No controller method for operation ${operation.operationId}`);
      completeOperation(operation, { ...route, writes: !['get', 'head', 'options'].includes(method) }, schemas);
    }
  }
  document.info.description += `\n\n${codeTable()}`;
  return document;
}

function routesOf(app: INestApplication): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown>;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const read = <T>(key: string): T | undefined =>
          Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        routes.set(`${controller.name}_${name}`, {
          isPublic: !!read<boolean>(IS_PUBLIC),
          hasRoles: !!read<unknown[]>(ROLES),
          parsesPath: parsesPath(controller, name),
          codes: OPERATION_ERRORS[`${controller.name}_${name}`] ?? [],
        });
      }
    }
  }
  return routes;
}

const SPECIAL_RESPONSES: Record<string, ResponseObject> = {
  AuthController_logout: { description: 'Đã đăng xuất (204).' },
  DocumentsController_file: {
    description: 'Tệp PDF.',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  },
  SimulationController_remove: { description: 'Đã xóa (204).' },
  SimulationController_changesCsv: {
    description: 'Tệp CSV (UTF-8 có BOM).',
    content: { 'text/csv': { schema: { type: 'string' } } },
  },
  SimulationController_figures: {
    description: 'Tệp Excel.',
    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  },
};

function completeOperation(
  operation: OperationObject,
  route: Route & { writes: boolean },
  schemas: Record<string, SchemaObject>,
): void {
  const id = operation.operationId!;
  const texts = OPERATION_TEXTS[id];
  if (!texts) throw new Error(`Operation ${id} has no summary in OPERATION_TEXTS`);
  [operation.summary, operation.description] = texts;
  const success = RESPONSE_SCHEMAS[id];
  if (success) {
    const name = `${id.replace(/Controller_(.)/, (_m, c: string) => c.toUpperCase())}Response`;
    schemas[name] = success.schema as SchemaObject;
    operation.responses = {
      [String(success.status)]: {
        description: 'Thành công.',
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
      },
    };
  } else if (SPECIAL_RESPONSES[id]) {
    const status = Object.keys(operation.responses).find((s) => s.startsWith('2'))!;
    operation.responses = { [status]: SPECIAL_RESPONSES[id] };
  } else if (!Object.values(operation.responses).some((r) => !!r && 'content' in r)) {
    throw new Error(`Operation ${id} has no response schema`);
  }
  operation.security = route.isPublic ? [] : [{ bearer: [] }, { cookie: [] }];
  attachRequestExample(operation);
  // A public page (the verification page a QR code opens) answers its errors as pages too: its responses are the
  // ones its controller declares.
  if (isHtmlPage(operation)) {
    if (!route.isPublic) throw new Error(`Page ${id} in the API description must be public`);
    return;
  }
  const parameters = (operation.parameters ?? []) as {
    in: string;
    name: string;
    required?: boolean;
    description?: string;
    schema?: SchemaObject;
  }[];
  for (const header of parameters.filter((p) => p.in === 'header' && p.name === 'idempotency-key')) {
    // @Headers() reads as required to the generator; the key is optional (see workflow/common/idempotency-key.ts).
    header.required = false;
    header.description =
      'Optional. A retry with the same key and the same body answers the first result instead of acting twice.';
  }
  const codes = new Set(route.codes);
  if (operation.requestBody)
    [
      CommonErrorCode.VALIDATION_FAILED,
      CommonErrorCode.MALFORMED_JSON,
      CommonErrorCode.BODY_TOO_DEEP,
      CommonErrorCode.PAYLOAD_TOO_LARGE,
    ].forEach(add);
  if (parameters.some((p) => p.in === 'query' || p.in === 'header')) add(CommonErrorCode.VALIDATION_FAILED);
  if (route.parsesPath || parameters.some((p) => p.in === 'path' && p.schema?.format === 'uuid'))
    add(CommonErrorCode.INVALID_PATH_PARAMETER);
  // Any path may be refused at the edge for text PostgreSQL cannot hold; only a parameter lets a caller send it.
  if (parameters.some((p) => p.in === 'path')) add(CommonErrorCode.INVALID_PATH);
  if (!route.isPublic) add(CommonErrorCode.UNAUTHENTICATED);
  if (route.hasRoles) add(CommonErrorCode.FORBIDDEN);
  // A write authenticated by the session cookie needs the session's anti-forgery token (bearer tokens are exempt).
  if (!route.isPublic && route.writes) add(CommonErrorCode.CSRF);
  if (parameters.some((p) => p.in === 'path')) add(CommonErrorCode.NOT_FOUND);
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const status = statusOfCode(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    operation.responses[String(status)] = errorResponse(status, list);
  }

  function add(code: string) {
    codes.add(code);
  }
}

// Every JSON request body shows an example from the demo data (request-examples.ts). A file upload has none: the
// bytes of a workbook or a PDF cannot be written in the description.
function attachRequestExample(operation: OperationObject): void {
  const body = operation.requestBody as RequestBodyObject | undefined;
  if (!body) return;
  const media = Object.entries(body.content ?? {});
  if (media.every(([type, m]) => type === 'multipart/form-data' && isFileUpload(m.schema as SchemaObject))) return;
  const example = requestExample(operation.operationId!);
  if (!example)
    throw new Error(`Operation ${operation.operationId} has a request body but no example in REQUEST_EXAMPLES`);
  for (const [, m] of media) m.example = example;
}

function isFileUpload(schema: SchemaObject | undefined): boolean {
  const properties = Object.values(schema?.properties ?? {}) as SchemaObject[];
  return properties.some((p) => p.format === 'binary');
}

function isHtmlPage(operation: OperationObject): boolean {
  return Object.values(operation.responses).some((r) => !!r && 'content' in r && !!r.content?.['text/html']);
}

function statusOfCode(code: string): number {
  for (const map of registeredErrorCodes().values()) if (code in map) return map[code];
  throw new Error(`Error code ${code} belongs to no feature's error-code map`);
}

function errorResponse(status: number, codes: string[]): ResponseObject {
  const schema: SchemaObject | ReferenceObject = {
    allOf: [
      { $ref: '#/components/schemas/ErrorResponse' },
      {
        type: 'object',
        properties: { statusCode: { type: 'integer', enum: [status] }, code: { type: 'string', enum: codes } },
      },
    ],
  };
  const example: Record<string, unknown> = {
    statusCode: status,
    code: codes[0],
    message: EXAMPLE_MESSAGES[codes[0]] ?? STATUS_TEXT[status],
  };
  if (codes[0] === CommonErrorCode.VALIDATION_FAILED)
    example.errors = [
      {
        path: 'meetingDate',
        code: 'isDateString',
        message: 'Trường "meetingDate" phải là ngày hợp lệ theo dạng YYYY-MM-DD.',
      },
    ];
  return {
    description: `${STATUS_TEXT[status] ?? `HTTP ${status}`} Mã lỗi: ${codes.join(', ')}.`,
    ...(status === 429
      ? {
          headers: {
            'Retry-After': {
              description: 'Số giây phải chờ trước khi thử lại (seconds to wait before trying again).',
              schema: { type: 'integer' },
            },
          },
        }
      : {}),
    content: { 'application/json': { schema, example } },
  };
}

// DTOs without @ApiProperty get their schema from their class-validator decorators.
function fillValidatorSchemas(schemas: Record<string, SchemaObject>): void {
  const validated = new Map<string, Function>();
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, unknown> };
  for (const target of storage.validationMetadatas.keys()) validated.set(target.name, target);
  for (const [name, schema] of Object.entries(schemas)) {
    const target = validated.get(name);
    if (target && !Object.keys(schema.properties ?? {}).length && !schema.allOf)
      schemas[name] = schemaFromValidators(target, schemas);
  }
}

function codeTable(): string {
  const lines = ['Error codes by feature (status in brackets):', ''];
  for (const [feature, map] of registeredErrorCodes()) {
    lines.push(
      `- **${feature}**: ${Object.entries(map)
        .map(([code, status]) => `\`${code}\` (${status})`)
        .join(', ')}`,
    );
  }
  return lines.join('\n');
}
