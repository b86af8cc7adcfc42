import { Writable } from 'node:stream';
import { runWithRequestId } from '../common/request-context.js';
import { createRootLogger, PinoNestLogger } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, stream };
}

describe('JSON logs', () => {
  it('writes Nest messages as JSON with their context and the request id of the request being served', () => {
    const { lines, stream } = capture();
    const logger = new PinoNestLogger(createRootLogger('info', stream));
    runWithRequestId('req-12345678', () => logger.log('Đã nhận yêu cầu', 'Dossiers'));
    logger.error('Hỏng', 'Error: stack line', 'Jobs');
    logger.debug('not at info level');
    logger.log('Mapped {/api/dossiers, GET} route', 'RouterExplorer');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'Đã nhận yêu cầu',
      context: 'Dossiers',
      requestId: 'req-12345678',
    });
    expect(lines[1]).toMatchObject({ level: 50, msg: 'Hỏng', context: 'Jobs', stack: 'Error: stack line' });
    expect(lines[1]).not.toHaveProperty('requestId');
    expect(typeof lines[0].time).toBe('string');
  });

  it('refuses an unknown level at boot', () => {
    expect(() => createRootLogger('verbose')).toThrow(/LOG_LEVEL/);
  });
});
