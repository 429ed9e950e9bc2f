/** Error thrown by method handlers; turned into a Telegram-style `{ok:false,...}` answer. */
export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = 'ApiError';
  }

  toBody(): Record<string, unknown> {
    return {
      ok: false,
      error_code: this.code,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

export const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);
export const forbidden = (what: string): ApiError => new ApiError(403, `Forbidden: ${what}`);
export const tooManyRequests = (seconds: number): ApiError => new ApiError(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });
export const migratedError = (newChatId: number): ApiError =>
  new ApiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', {
    migrate_to_chat_id: newChatId,
  });
export const chatNotFound = (): ApiError => badRequest('chat not found');
