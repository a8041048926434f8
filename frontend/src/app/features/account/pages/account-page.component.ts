import { ChangeDetectionStrategy, Component } from '@angular/core';
import { focusElementById } from '../../../shared/ui/focus';
import { ChangePasswordForm } from '../../../shared/forms/password/change-password-form.component';
import { OrganisationSection } from '../ui/organisation-section.component';
import { ProfileSection } from '../ui/profile-section.component';
import { TeamSection } from '../ui/team-section.component';

/** Your account: profile, organisation, password and team, one section each. */
@Component({
  selector: 'ob-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ProfileSection, OrganisationSection, ChangePasswordForm, TeamSection],
  styleUrl: './account-page.component.scss',
  template: `
    <div class="container page">
      <div class="narrow">
        <h1>Your account</h1>
        <nav aria-label="On this page" class="account-contents">
          <ul>
            <li><a href="#profile-heading" (click)="jump($event, 'profile-heading')">Profile</a></li>
            <li><a href="#organisation-heading" (click)="jump($event, 'organisation-heading')">Organisation</a></li>
            <li><a href="#change-password" (click)="jump($event, 'change-password')">Password</a></li>
            <li><a href="#team-heading" (click)="jump($event, 'team-heading')">Team</a></li>
          </ul>
        </nav>
        <ob-profile-section />
        <ob-organisation-section />
        <section class="account-section" aria-labelledby="change-password">
          <ob-change-password-form />
        </section>
        <ob-team-section />
      </div>
    </div>
  `,
})
export class AccountPage {
  /** In-page links move focus to the section's heading, so the next Tab continues from there (a bare "#id" would leave the page). */
  protected jump(event: Event, id: string): void {
    event.preventDefault();
    focusElementById(id);
  }
}
