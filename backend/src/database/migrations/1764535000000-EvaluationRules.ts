import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rules a lot is evaluated by (blind marking, ties, moderation spread, price parameters) as one JSON column,
 * and the jurisdiction of the contract (whose bank holidays the standstill skips). Existing lots get
 * DEFAULT_EVALUATION_RULES as at the time of this migration; existing tenders England and Wales.
 */
const RULES_AT_THIS_MIGRATION =
  '{"blindMarking":true,"priceHiddenUntilModerated":true,"tieBreak":"higher_quality","nearTieMargin":1,' +
  '"minJustificationChars":50,"moderationSpread":null,"abnormallyLowPercent":20,' +
  '"price":{"ceilingPrice":null,"floorPrice":null,"logRatio":2,"discountRatePercent":3.5}}';

export class EvaluationRules1764535000000 implements MigrationInterface {
  name = 'EvaluationRules1764535000000';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE on both databases: TypeORM would rebuild the SQLite table, and a rebuild while foreign
    // keys are on would cascade-delete the lots' requirements and criteria.
    await q.query(`ALTER TABLE lot ADD COLUMN evaluation_rules text NOT NULL DEFAULT '${RULES_AT_THIS_MIGRATION}'`);
    await q.query("ALTER TABLE tender ADD COLUMN jurisdiction varchar(20) NOT NULL DEFAULT 'england_and_wales'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tender DROP COLUMN jurisdiction');
    await q.query('ALTER TABLE lot DROP COLUMN evaluation_rules');
  }
}
