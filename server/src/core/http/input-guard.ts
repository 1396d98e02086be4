import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, MAX_BODY_DEPTH, type ErrorParams } from '@huifang/shared';
import { toApiError } from './api-exception.filter';

/**
 * Checks every parsed body and query string before any route sees it, so routes added later are
 * covered too: nesting deeper than MAX_BODY_DEPTH would overflow the validation pipe's recursion,
 * and a NUL character is refused by PostgreSQL text columns (a 500, and a lost survey answer).
 * Walks iteratively: a hostile body cannot overflow this check's stack either.
 */
export type InputProblem =
  | { message: string; code: typeof ERROR_CODES.validation; params: ErrorParams['validation.failed'] }
  | { message: string; code: typeof ERROR_CODES.tooDeep };

export function findInputProblem(value: unknown, root: string): InputProblem | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) return nulProblem(item.path, 'must not contain NUL characters');
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_BODY_DEPTH) {
      return { message: `${item.path || 'body'} is nested more than ${MAX_BODY_DEPTH} levels deep`, code: ERROR_CODES.tooDeep };
    }
    for (const [key, child] of Object.entries(item.value)) {
      if (key.includes('\u0000')) return nulProblem(item.path, 'must not have keys with NUL characters');
      pending.push({ value: child, path: item.path ? `${item.path}.${key}` : key, depth: item.depth + 1 });
    }
  }
  return undefined;
}

function nulProblem(path: string, what: string): InputProblem {
  const field = path || 'body';
  return { message: `${field} ${what}`, code: ERROR_CODES.validation, params: { fields: [field] } };
}

function refuse(request: FastifyRequest, reply: FastifyReply, problem: InputProblem): FastifyReply {
  const body = toApiError(new BadRequestException({ ...problem, message: [problem.message] }), request.id);
  return reply.status(400).header('content-type', 'application/json; charset=utf-8').send(body);
}

export function registerInputGuard(fastify: FastifyInstance): void {
  // Callback style: an async hook costs a promise on every request.
  fastify.addHook('preValidation', (request, reply, done) => {
    const problem = findInputProblem(request.query, '') ?? findInputProblem(request.body, '') ?? findInputProblem(request.params, '');
    if (problem) return void refuse(request, reply, problem);
    done();
  });
}
