import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { NotificationItem, NotificationList, NotificationPreferences, UpdateNotificationPreferencesRequest } from '@openbrief/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1/notifications';

@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  /** Newest first, a page at a time; `before` is the id of the last one already shown. */
  list(before?: string): Observable<NotificationList> {
    const params = before ? new HttpParams().set('before', before) : undefined;
    return this.http.get<NotificationList>(API, { params });
  }

  markRead(id: string): Observable<NotificationItem> {
    return this.http.post<NotificationItem>(`${API}/${encodeURIComponent(id)}/read`, null);
  }

  markAllRead(): Observable<NotificationList> {
    return this.http.post<NotificationList>(`${API}/read-all`, null);
  }

  preferences(): Observable<NotificationPreferences> {
    return this.http.get<NotificationPreferences>(`${API}/preferences`);
  }

  updatePreferences(request: UpdateNotificationPreferencesRequest): Observable<NotificationPreferences> {
    return this.http.put<NotificationPreferences>(`${API}/preferences`, request);
  }
}
