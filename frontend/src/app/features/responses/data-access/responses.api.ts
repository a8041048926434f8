import { HttpClient, HttpEvent, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  LibraryAnswer,
  LibraryDocument,
  ResponseAttachment,
  ResponseContentInput,
  StartResponseRequest,
  SubmissionReceipt,
  SupplierResponse,
  SupplierResponseSummary,
} from '@openbrief/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1/responses';

/** The signed-in supplier's own organisation's responses. Nothing here is ever readable by the buyer before opening. */
@Injectable({ providedIn: 'root' })
export class ResponsesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<SupplierResponseSummary[]> {
    return this.http.get<SupplierResponseSummary[]>(API);
  }

  start(request: StartResponseRequest): Observable<SupplierResponse> {
    return this.http.post<SupplierResponse>(API, request);
  }

  get(id: string): Observable<SupplierResponse> {
    return this.http.get<SupplierResponse>(`${API}/${enc(id)}`);
  }

  /** Refused with 409 when someone in the organisation saved since `revision`. */
  save(id: string, revision: number, content: ResponseContentInput): Observable<SupplierResponse> {
    return this.http.put<SupplierResponse>(`${API}/${enc(id)}`, content, {
      headers: new HttpHeaders({ 'If-Match': String(revision) }),
    });
  }

  /** Upload events, so the page can show progress. */
  upload(id: string, file: File): Observable<HttpEvent<ResponseAttachment>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ResponseAttachment>(`${API}/${enc(id)}/attachments`, body, { reportProgress: true, observe: 'events' });
  }

  attachmentUrl(id: string, attachmentId: string): string {
    return `${API}/${enc(id)}/attachments/${enc(attachmentId)}`;
  }

  removeAttachment(id: string, attachmentId: string): Observable<unknown> {
    return this.http.delete(this.attachmentUrl(id, attachmentId));
  }

  reuseAttachment(id: string, attachmentId: string): Observable<ResponseAttachment> {
    return this.http.post<ResponseAttachment>(`${API}/${enc(id)}/attachments/reuse`, { attachmentId });
  }

  library(): Observable<LibraryAnswer[]> {
    return this.http.get<LibraryAnswer[]>(`${API}/library`);
  }

  /** Documents of the organisation's earlier responses, to reuse. */
  libraryDocuments(): Observable<LibraryDocument[]> {
    return this.http.get<LibraryDocument[]>(`${API}/library/documents`);
  }

  /** The key is made once per click and sent again on a retry, so a retry never makes a second submission. */
  submit(id: string, idempotencyKey: string): Observable<SubmissionReceipt> {
    return this.http.post<SubmissionReceipt>(
      `${API}/${enc(id)}/submit`,
      {},
      { headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }) },
    );
  }

  receipts(id: string): Observable<SubmissionReceipt[]> {
    return this.http.get<SubmissionReceipt[]>(`${API}/${enc(id)}/receipts`);
  }

  receiptPdfUrl(id: string, submissionId: string): string {
    return `${API}/${enc(id)}/receipts/${enc(submissionId)}.pdf`;
  }

  withdraw(id: string): Observable<SupplierResponse> {
    return this.http.post<SupplierResponse>(`${API}/${enc(id)}/withdraw`, {});
  }

  confirmChanges(id: string, version: number): Observable<SupplierResponse> {
    return this.http.post<SupplierResponse>(`${API}/${enc(id)}/confirm-changes`, { version });
  }
}

function enc(value: string): string {
  return encodeURIComponent(value);
}
