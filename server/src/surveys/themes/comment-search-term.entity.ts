import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { SurveyResponseEntity } from '../survey-response.entity';

/**
 * The comment search's inverted index: one row per word of a response's comment (search-terms.ts:
 * jieba's words for Chinese, lower-cased words for English). Plain rows and a b-tree on both
 * databases, so a search finds exactly the same comments on SQLite and PostgreSQL.
 */
@Entity('comment_search_term')
// The words of one response: replaced by a re-tag, deleted by an erasure.
@Index('IDX_comment_search_term_response', ['responseId'])
export class CommentSearchTermEntity {
  /** The primary key's first column: a search reads the responses of a word from it. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  term!: string;

  @PrimaryColumn({ name: 'response_id', type: 'integer' })
  responseId!: number;

  @ManyToOne(() => SurveyResponseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: Relation<SurveyResponseEntity>;
}
