import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { OrganisationMembers, Role, invitableRolesFor } from '@openbrief/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { createLoader } from '../../../shared/data/load-state';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { AccountApi } from '../data-access/account.api';
import { roleName } from './role-names';

/** The organisation's members, and a way to invite more for those whose role allows it. */
@Component({
  selector: 'ob-team-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, Loading, Notice],
  styles: `
    .team-table {
      width: 100%;
      margin-bottom: 1.5rem;
      border-collapse: collapse;

      th,
      td {
        padding: 0.75rem 1rem 0.75rem 0;
        border-bottom: 1px solid var(--ob-border);
        text-align: left;
        vertical-align: top;
        overflow-wrap: anywhere;
      }
    }
  `,
  template: `
    <section class="account-section" aria-labelledby="team-heading">
      <h2 id="team-heading">Team</h2>
      @let s = state();
      @switch (s.status) {
        @case ('loading') {
          <ob-loading label="Loading your team…" />
        }
        @case ('error') {
          <ob-notice tone="warning"
            ><p>We could not load your team. {{ s.error.message }}</p></ob-notice
          >
        }
        @case ('ready') {
          <table class="team-table">
            <caption class="visually-hidden">
              People in
              {{
                organisationName()
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">E-mail address</th>
              </tr>
            </thead>
            <tbody>
              @for (member of s.value.members; track member.id) {
                <tr>
                  <td>
                    {{ member.name }}
                    @if (member.id === userId()) {
                      (you)
                    }
                  </td>
                  <td>{{ roleName(member.role) }}</td>
                  <td>{{ member.email }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      }
      @if (invitePath(); as path) {
        <p>
          <a [routerLink]="path">{{ inviteLabel() }}</a>
        </p>
      }
    </section>
  `,
})
export class TeamSection {
  private readonly auth = inject(AuthService);
  private readonly loader = createLoader<OrganisationMembers>();

  protected readonly state = this.loader.state;
  protected readonly roleName = roleName;
  protected readonly userId = computed(() => this.auth.user()?.id);
  protected readonly organisationName = computed(() => this.auth.user()?.organisation.name ?? 'your organisation');
  /** Everyone who may invite uses the one invite page (it offers a supplier only the supplier role). */
  protected readonly invitePath = computed(() => {
    const role = this.auth.role();
    if (!role || !invitableRolesFor(role).length) return null;
    return '/team/invite';
  });
  protected readonly inviteLabel = computed(() =>
    this.auth.role() === Role.Supplier ? 'Invite a colleague' : 'Invite a colleague or an evaluator',
  );

  constructor() {
    this.loader.load(inject(AccountApi).members());
  }
}
