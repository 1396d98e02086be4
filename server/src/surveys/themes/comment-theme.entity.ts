import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A theme comments are tagged with (issue #13). Seeded with the built-in themes of shared/
 * (DEFAULT_COMMENT_THEMES), which the tagger knows; admins add their own, found by their phrases
 * (custom-theme-matcher.ts), and may disable any (comment-themes.service.ts).
 */
@Entity('comment_theme')
export class CommentThemeEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  key!: string;

  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn!: string;

  /** One of the tagger's themes (not deletable, names editable); false for an admin's own. */
  @Column({ name: 'built_in', type: 'boolean', default: false })
  builtIn!: boolean;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** JSON array of Chinese phrases, each matched as a substring of the normalised comment; [] for built-in themes. */
  @Column({ name: 'phrases_zh', type: 'text', default: '[]' })
  phrasesZh!: string;

  /** JSON array of English phrases, each matched as whole words, case-insensitive; [] for built-in themes. */
  @Column({ name: 'phrases_en', type: 'text', default: '[]' })
  phrasesEn!: string;
}
