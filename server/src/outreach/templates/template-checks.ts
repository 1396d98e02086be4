import { BadRequestException } from '@nestjs/common';
import { ERROR_CODES, missingTemplateVariables, OUTREACH_VARIABLES_OF, unknownTemplateVariables, type OutreachKind, type OutreachTemplateInput } from '@huifang/shared';

/**
 * A template an admin may save (or preview): only the kind's variables, and those its body must
 * carry (a survey message's link). Lengths, emptiness and NUL characters are the DTO's and the
 * input guard's.
 */
export function assertUsableTemplate(kind: OutreachKind, template: OutreachTemplateInput): void {
  const unknown = unknownTemplateVariables(kind, [template.subject, template.body]);
  if (unknown.length) {
    const offered = OUTREACH_VARIABLES_OF[kind].map(braced).join(', ');
    throw new BadRequestException({
      message: [`unknown variables ${unknown.map(braced).join(', ')}: a ${kind} offers ${offered}`],
      code: ERROR_CODES.outreachUnknownTemplateVariables,
      params: { variables: unknown },
    });
  }
  const missing = missingTemplateVariables(kind, template.body);
  if (missing.length) {
    throw new BadRequestException({
      message: [`body must contain ${missing.map(braced).join(', ')}: the patient could not answer the survey otherwise`],
      code: ERROR_CODES.outreachLinkRequired,
    });
  }
}

function braced(name: string): string {
  return `{${name}}`;
}
