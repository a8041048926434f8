import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Requirement, RequirementKind, RequirementPriority } from '@openbrief/contracts';
import { KIND_LABELS, PRIORITY_LABELS } from './tender-labels';

interface RequirementGroup {
  readonly heading: string | null;
  readonly requirements: readonly Requirement[];
}

/** A lot's requirements, grouped under their headings, each with why it matters and how it is measured. */
@Component({
  selector: 'ob-tender-outcomes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tender-outcomes.component.html',
  styleUrl: './tender-outcomes.component.scss',
})
export class TenderOutcomes {
  readonly requirements = input.required<readonly Requirement[]>();
  /** Level for group headings, so the page outline stays in order. */
  readonly headingLevel = input<3 | 4>(3);

  protected readonly kindLabels = KIND_LABELS;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly mandatory = RequirementKind.Mandatory;
  protected readonly desirable = RequirementPriority.Desirable;

  protected readonly groups = computed<RequirementGroup[]>(() => {
    const groups: { heading: string | null; requirements: Requirement[] }[] = [];
    const sorted = [...this.requirements()].sort((a, b) => a.order - b.order);
    for (const requirement of sorted) {
      const last = groups.at(-1);
      if (last && last.heading === requirement.heading) last.requirements.push(requirement);
      else groups.push({ heading: requirement.heading, requirements: [requirement] });
    }
    return groups;
  });
}
