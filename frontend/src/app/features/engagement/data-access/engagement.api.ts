import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type BuyerEngagementView,
  ENGAGEMENT_ROUTES,
  type EngagementFeedback,
  type EngagementNotice,
  type EngagementNoticePage,
  type GiveEngagementFeedbackRequest,
  type PublishEngagementRequest,
  type RegisterForEngagementRequest,
  type SupplierEngagementView,
} from '@openbrief/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

/** Preliminary market engagement: the public notice, a supplier's part in it, and the buying team's view. */
@Injectable({ providedIn: 'root' })
export class EngagementApi {
  private readonly http = inject(HttpClient);

  // --- anyone ----------------------------------------------------------------------------------

  openList(cursor: string | null = null): Observable<EngagementNoticePage> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return this.http.get<EngagementNoticePage>(API + ENGAGEMENT_ROUTES.publicList(), { params });
  }

  notice(id: string): Observable<EngagementNotice> {
    return this.http.get<EngagementNotice>(API + ENGAGEMENT_ROUTES.publicNotice(encodeURIComponent(id)));
  }

  // --- a signed-in supplier ----------------------------------------------------------------------

  supplierView(id: string): Observable<SupplierEngagementView> {
    return this.http.get<SupplierEngagementView>(API + ENGAGEMENT_ROUTES.supplierView(encodeURIComponent(id)));
  }

  /** The key makes a retry of the same submission answer with the first one, never a second copy. */
  giveFeedback(id: string, request: GiveEngagementFeedbackRequest, idempotencyKey: string): Observable<EngagementFeedback> {
    return this.http.post<EngagementFeedback>(API + ENGAGEMENT_ROUTES.feedback(encodeURIComponent(id)), request, {
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }

  register(id: string, request: RegisterForEngagementRequest): Observable<SupplierEngagementView> {
    return this.http.put<SupplierEngagementView>(API + ENGAGEMENT_ROUTES.registration(encodeURIComponent(id)), request);
  }

  withdraw(id: string): Observable<SupplierEngagementView> {
    return this.http.delete<SupplierEngagementView>(API + ENGAGEMENT_ROUTES.registration(encodeURIComponent(id)));
  }

  // --- the buying team -------------------------------------------------------------------------

  buyerView(tenderId: string): Observable<BuyerEngagementView> {
    return this.http.get<BuyerEngagementView>(API + ENGAGEMENT_ROUTES.tenderEngagement(encodeURIComponent(tenderId)));
  }

  publish(tenderId: string, request: PublishEngagementRequest): Observable<BuyerEngagementView> {
    return this.http.post<BuyerEngagementView>(API + ENGAGEMENT_ROUTES.tenderEngagement(encodeURIComponent(tenderId)), request);
  }

  close(tenderId: string): Observable<BuyerEngagementView> {
    return this.http.post<BuyerEngagementView>(`${API}${ENGAGEMENT_ROUTES.tenderEngagement(encodeURIComponent(tenderId))}/close`, null);
  }

  adopt(feedbackId: string): Observable<EngagementFeedback> {
    return this.http.post<EngagementFeedback>(API + ENGAGEMENT_ROUTES.adopt(encodeURIComponent(feedbackId)), null);
  }
}
