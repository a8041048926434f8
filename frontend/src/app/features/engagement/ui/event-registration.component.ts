import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { ENGAGEMENT_LIMITS, type EngagementRegistration, type SupplierEngagementView } from '@openbrief/contracts';
import { toAppError } from '../../../core/http/app-error';
import { EngagementApi } from '../data-access/engagement.api';
import { charactersLeftMessage } from '../data-access/engagement-text';
import { focusElementById } from '../../../shared/ui/focus';
import { FormProblem, problemsFromApi } from './form-problem';
import { FormProblems } from './form-problems.component';

/** Registering the supplier's people for the engagement event, changing how many, or cancelling. */
@Component({
  selector: 'ob-event-registration',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormProblems],
  templateUrl: './event-registration.component.html',
  styleUrls: ['../../../shared/ui/evaluation-forms.scss', './outcome-feedback-form.component.scss'],
})
export class EventRegistration {
  readonly engagementId = input.required<string>();
  readonly registration = input<EngagementRegistration | null>(null);
  readonly changed = output<SupplierEngagementView>();

  private readonly api = inject(EngagementApi);
  private readonly injector = inject(Injector);
  protected readonly maxAttendees = ENGAGEMENT_LIMITS.attendees;
  protected readonly accessLimit = ENGAGEMENT_LIMITS.accessNeeds;
  protected readonly ids = { attendees: 'registration-attendees', accessNeeds: 'registration-access-needs' } as const;

  protected readonly attendees = signal('1');
  protected readonly accessNeeds = signal('');
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly busy = signal(false);
  protected readonly confirmation = signal('');
  protected readonly accessCount = computed(() => charactersLeftMessage(this.accessNeeds().length, this.accessLimit));
  protected readonly accessOver = computed(() => this.accessNeeds().length > this.accessLimit);
  protected readonly errorFor = computed(() => {
    const map = new Map<string, string>();
    for (const p of this.problems()) if (p.fieldId && !map.has(p.fieldId)) map.set(p.fieldId, p.message);
    return map;
  });

  constructor() {
    // The form starts from what is registered, so changing it is a matter of editing one number.
    effect(() => {
      const mine = this.registration();
      untracked(() => {
        this.attendees.set(String(mine?.attendees ?? 1));
        this.accessNeeds.set(mine?.accessNeeds ?? '');
      });
    });
  }

  protected typed(which: 'attendees' | 'accessNeeds', event: Event): void {
    (which === 'attendees' ? this.attendees : this.accessNeeds).set((event.target as HTMLInputElement).value);
    this.confirmation.set('');
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const raw = this.attendees().trim();
    const attendees = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    const problems: FormProblem[] = [];
    if (!raw) problems.push({ fieldId: this.ids.attendees, message: 'Enter how many people will come' });
    else if (!Number.isInteger(attendees) || attendees < 1 || attendees > this.maxAttendees) {
      problems.push({ fieldId: this.ids.attendees, message: `Number of people must be a whole number from 1 to ${this.maxAttendees}` });
    }
    if (this.accessOver()) {
      problems.push({
        fieldId: this.ids.accessNeeds,
        message: `Access needs must be ${this.accessLimit.toLocaleString('en-GB')} characters or fewer`,
      });
    }
    this.problems.set(problems);
    if (problems.length) return;
    const updating = !!this.registration();
    this.send(this.api.register(this.engagementId(), { attendees, accessNeeds: this.accessNeeds().trim() }), () =>
      updating
        ? `Your registration has been updated: ${attendees} ${attendees === 1 ? 'person' : 'people'}.`
        : `You are registered for the event: ${attendees} ${attendees === 1 ? 'person' : 'people'}. The buyer will send joining details.`,
    );
  }

  protected withdraw(): void {
    if (this.busy()) return;
    this.problems.set([]);
    // The button pressed goes away with the registration: focus moves to the form's heading, before the message.
    this.send(this.api.withdraw(this.engagementId()), () => 'Your registration has been cancelled.', true);
  }

  private send(request: ReturnType<EngagementApi['register']>, said: () => string, refocus = false): void {
    this.busy.set(true);
    this.confirmation.set('');
    request.subscribe({
      next: (view) => {
        this.busy.set(false);
        this.changed.emit(view);
        this.confirmation.set(said());
        if (refocus) afterNextRender(() => focusElementById('registration-title'), { injector: this.injector });
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        const error = toAppError(failure);
        this.problems.set(
          problemsFromApi(error.message, error.details, { attendees: this.ids.attendees, accessNeeds: this.ids.accessNeeds }),
        );
      },
    });
  }
}
