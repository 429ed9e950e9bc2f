export interface ProcessedUpdatesTable {
  update_id: number;
  processed_at: Date;
}
