import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Withdrawing consent to follow-up calls now cancels the patient's open callbacks; before, they
 * stayed in the queue. Cancels those left behind, with the reason the server records for it
 * (SYSTEM_CANCEL_REASONS.consentWithdrawn, spelled out: migrations never change with the code).
 */
export class CancelCallsWithoutConsent1765200100000 implements MigrationInterface {
  name = 'CancelCallsWithoutConsent1765200100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE callback SET status = 'cancelled', cancel_reason = 'consent to follow-up calls withdrawn',
              claimed_by = NULL, claimed_at = NULL, claim_expires_at = NULL, updated_at = CURRENT_TIMESTAMP
        WHERE status IN ('pending', 'claimed')
          AND patient_id IN (SELECT p.id FROM patient p WHERE p.consent_calls = FALSE)`,
    );
  }

  async down(): Promise<void> {
    // Which calls were open before cannot be told apart from those cancelled at a withdrawal.
  }
}
