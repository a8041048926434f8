import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { TenderListItem } from '@openbrief/contracts';
import { Observable } from 'rxjs';

/** The signed-in buyer's own organisation's tenders. */
@Injectable({ providedIn: 'root' })
export class TendersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<TenderListItem[]> {
    return this.http.get<TenderListItem[]>('/api/v1/tenders');
  }
}
