import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { type CommentEntry, type CommentThread, CommentThreadStatus, type TeamMember } from '@openbrief/contracts';
import { firstValueFrom } from 'rxjs';
import { AppError, toAppError } from '../../../core/http/app-error';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { editorFieldId, fieldLabel } from './comment-anchors';
import { CommentForm, type CommentDraft } from './comment-form.component';
import { CommentsApi } from './comments.api';
import { TenderEditorStore } from '../data-access/tender-editor.store';

export type ThreadChange = 'replied' | 'resolved' | 'reopened';

/** One thread: what it is about, the conversation, and replying, resolving or reopening it. */
@Component({
  selector: 'ob-comment-thread',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, UkDatePipe, CommentForm],
  templateUrl: './comment-thread.component.html',
  styleUrl: './comment-thread.component.scss',
})
export class CommentThreadCard {
  readonly thread = input.required<CommentThread>();
  readonly team = input<readonly TeamMember[]>([]);
  readonly meId = input<string | null>(null);
  /**
   * False for someone here only because they were mentioned (an evaluator): they may read and reply, but
   * not resolve or reopen, and the editor is not theirs to open.
   */
  readonly teamMember = input(true);
  readonly changed = output<{ thread: CommentThread; change: ThreadChange }>();

  private readonly api = inject(CommentsApi);
  private readonly editor = inject(TenderEditorStore, { optional: true });

  protected readonly replying = signal(false);
  protected readonly busy = signal(false);
  protected readonly actionError = signal('');
  private readonly replyForm = viewChild(CommentForm);
  // `read: ElementRef`: on a Material button the template variable is the MatButton component, which has no nativeElement.
  private readonly replyButton = viewChild('replyButton', { read: ElementRef<HTMLButtonElement> });
  private readonly injector = inject(Injector);

  protected readonly open = computed(() => this.thread().status === CommentThreadStatus.Open);
  protected readonly titleId = computed(() => `thread-${this.thread().id}-title`);
  protected readonly title = computed(() => {
    const a = this.thread().anchor;
    const field = fieldLabel(a.field);
    if (a.requirementId) {
      const which = a.requirementDeleted ? 'A deleted requirement' : `Requirement ${a.requirementNumber}`;
      return field ? `${which}: ${field.toLowerCase()}` : which;
    }
    return field || 'The tender as a whole';
  });
  protected readonly fieldId = computed(() => editorFieldId(this.thread().anchor));
  /** Whether the quoted words have changed since, followed through the live document. */
  protected readonly nowReads = computed(() => {
    const { start, end, quote } = this.thread().anchor;
    const live = this.editor?.live();
    if (!start || !end || !live) return null;
    live.version();
    const words = live.wordsBetween(start, end);
    if (words === null || words === quote) return null;
    return words ? `Those words now read: “${words}”` : 'Those words have since been deleted.';
  });
  protected readonly comments = computed(() => this.thread().entries.filter((e) => e.kind === 'comment').length);

  protected readonly sendReply = async (draft: CommentDraft): Promise<AppError | null> => {
    try {
      const thread = await firstValueFrom(
        this.api.reply(this.thread().tenderId, this.thread().id, { body: draft.body, mentions: [...draft.mentions] }),
      );
      this.stopReply();
      this.changed.emit({ thread, change: 'replied' });
      return null;
    } catch (error: unknown) {
      return toAppError(error);
    }
  };

  protected startReply(): void {
    this.replying.set(true);
    afterNextRender(() => this.replyForm()?.focus(), { injector: this.injector });
  }

  /** Closes the reply box and gives focus back to the button that opened it. */
  protected stopReply(): void {
    this.replying.set(false);
    afterNextRender(() => this.replyButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected async resolve(): Promise<void> {
    await this.act('resolved', () => this.api.resolve(this.thread().tenderId, this.thread().id));
  }

  protected async reopen(): Promise<void> {
    await this.act('reopened', () => this.api.reopen(this.thread().tenderId, this.thread().id));
  }

  protected eventText(entry: CommentEntry): string {
    return entry.kind === 'resolved' ? 'resolved this thread' : 'reopened this thread';
  }

  protected mentionNames(entry: CommentEntry): string {
    return entry.mentions.map((m) => m.name).join(', ');
  }

  private async act(change: 'resolved' | 'reopened', call: () => ReturnType<CommentsApi['resolve']>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionError.set('');
    try {
      const thread = await firstValueFrom(call());
      this.replying.set(false);
      this.changed.emit({ thread, change });
    } catch (error: unknown) {
      this.actionError.set(toAppError(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
