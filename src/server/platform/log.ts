import pino from 'pino';

export function createLogger(level: string) {
  return pino({
    level,
    base: { service: 'tandem' },
    redact: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.passwordHash'],
  });
}
