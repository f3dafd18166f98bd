-- CreateIndex
CREATE INDEX "Rectification_deadline_id_idx" ON "Rectification"("deadline", "id");
