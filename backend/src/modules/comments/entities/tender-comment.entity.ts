import type { CommentEntryKind, CommentPerson } from '@openbrief/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CommentThread } from './comment-thread.entity';

/** One entry in a thread: a comment, or who resolved or reopened it and when. */
@Entity('tender_comment')
export class TenderComment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('ix_tender_comment_thread')
  @Column({ name: 'thread_id', type: 'varchar', length: 36 })
  threadId!: string;

  @ManyToOne(() => CommentThread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: CommentThread;

  /** Denormalised so a tender's whole conversation loads in one query. */
  @Index('ix_tender_comment_tender')
  @Column({ name: 'tender_id', type: 'varchar', length: 36 })
  tenderId!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: CommentEntryKind;

  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId!: string;

  /** Kept with the comment, as revisions keep their author's name, so the record survives the account. */
  @Column({ name: 'author_name', type: 'varchar', length: 200 })
  authorName!: string;

  @Column({ type: 'text' })
  body!: string;

  /** Who was mentioned, with their names at the time; few per comment and always read with it. */
  @Column({ type: 'simple-json' })
  mentions!: CommentPerson[];

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
