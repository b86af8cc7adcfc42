import { HttpStatus } from '@nestjs/common';
import { AuthErrorCode, AuthException } from '../auth/auth.exception.js';
import { DocumentException, DocumentExceptionCode } from '../documents/documents.exception.js';
import { SimulationErrorCode, SimulationException } from '../simulation/simulation.exception.js';
import { WorkflowException, WorkflowExceptionCode } from '../workflow/common/workflow.exception.js';
import { CommonException, ForbiddenException } from './app.exception.js';
import { CommonErrorCode, errorStatuses, registeredErrorCodes } from './error-codes.js';

describe('error codes and their statuses', () => {
  it('gives every workflow code its status', () => {
    const statuses = Object.values(WorkflowExceptionCode).map((code) => new WorkflowException('x', code).status);
    expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true);
    expect(new WorkflowException('x', WorkflowExceptionCode.STALE_LIST).status).toBe(409);
    expect(new WorkflowException('x', WorkflowExceptionCode.SAME_PERSON).status).toBe(403);
    expect(new WorkflowException('x', WorkflowExceptionCode.GUARD_FAILED).status).toBe(422);
  });

  it('gives every document code its status, the issuer check included', () => {
    for (const code of Object.values(DocumentExceptionCode))
      expect(new DocumentException('x', code).status).toBeGreaterThanOrEqual(400);
    expect(new DocumentException('x', DocumentExceptionCode.JOB_NOT_FOUND).status).toBe(404);
    expect(new DocumentException('x', DocumentExceptionCode.NOT_ISSUER).status).toBe(403);
    expect(new DocumentException('x', DocumentExceptionCode.RENDER_TIMEOUT).status).toBe(500);
  });

  it('maps the login throttle, the simulations and the common codes through the same helper', () => {
    expect(new AuthException('x', AuthErrorCode.LOGIN_LOCKED).status).toBe(429);
    expect(new AuthException('x', AuthErrorCode.INVALID_CREDENTIALS).status).toBe(401);
    expect(new SimulationException('x', SimulationErrorCode.ROUND_CHANGED).status).toBe(409);
    expect(new CommonException(CommonErrorCode.DUPLICATE, 'x').status).toBe(409);
    expect(new CommonException(CommonErrorCode.UNSUPPORTED_ENCODING, 'x').status).toBe(415);
    expect(new ForbiddenException('x', CommonErrorCode.CSRF)).toMatchObject({ status: 403, code: 'CSRF' });
  });

  it('registers every feature for the API description, each code with the status its exception answers', () => {
    const features = registeredErrorCodes();
    for (const feature of ['common', 'workflow', 'documents', 'auth', 'simulation'])
      expect({ feature, registered: features.has(feature) }).toEqual({ feature, registered: true });
    expect(features.get('documents')?.[DocumentExceptionCode.NOT_ISSUER]).toBe(HttpStatus.FORBIDDEN);
    expect(features.get('auth')?.[AuthErrorCode.LOGIN_DELAYED]).toBe(HttpStatus.TOO_MANY_REQUESTS);
  });

  it('refuses a code its map does not hold (a value cast past the type checker)', () => {
    const statusOf = errorStatuses<'A'>('spec-only', { A: HttpStatus.CONFLICT });
    expect(statusOf('A')).toBe(409);
    expect(() => statusOf('B' as 'A')).toThrow(/Unmapped spec-only error code B/);
  });
});
