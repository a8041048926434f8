import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ImportedRequirement } from '@openbrief/contracts';
import { Observable } from 'rxjs';

export interface ImportResult {
  requirements: ImportedRequirement[];
}

/** Splits a specification into draft requirements. Nothing is saved by these calls. */
@Injectable({ providedIn: 'root' })
export class ImportApi {
  private readonly http = inject(HttpClient);

  fromText(text: string): Observable<ImportResult> {
    return this.http.post<ImportResult>('/api/v1/tenders/import/text', { text });
  }

  fromFile(file: File): Observable<ImportResult> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ImportResult>('/api/v1/tenders/import/file', body);
  }
}
