import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ERROR_CODES, OUTREACH_RECEIPT_CHANNELS } from '@huifang/shared';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../core/config/app-config';
import { signatureValid, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './channels/webhook-signature';

interface ReceiptRequest {
  rawBody?: Buffer;
  headers: Record<string, string | string[] | undefined>;
  params: { channel?: string };
  ip?: string;
}

/**
 * Receipts come from the gateways, not from staff: the HMAC over the raw body is their
 * authentication, checked before the body is validated or read. A bad one is answered 401 and
 * audited with the channel and the source address, never the body.
 */
@Injectable()
export class OutreachReceiptGuard implements CanActivate {
  constructor(
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ReceiptRequest>();
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    if (signatureValid(this.config.outreach.webhookSecret, header(TIMESTAMP_HEADER), header(SIGNATURE_HEADER), request.rawBody ?? Buffer.alloc(0), Date.now())) {
      return true;
    }
    const given = String(request.params.channel ?? '');
    const channel = (OUTREACH_RECEIPT_CHANNELS as readonly string[]).includes(given) ? given : 'unknown';
    await this.audit.record(
      { actor: null, ip: request.ip ?? null },
      { action: 'outreach.receipt_rejected', entityType: 'outreach_receipt', entityId: null, detail: JSON.stringify({ channel }) },
    );
    throw new UnauthorizedException({ message: 'the receipt’s signature does not verify', code: ERROR_CODES.outreachSignatureInvalid });
  }
}
