-- AlterTable
ALTER TABLE "Charter" ADD COLUMN     "documentId" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Charter_documentId_key" ON "Charter"("documentId");

-- AddForeignKey
ALTER TABLE "Charter" ADD CONSTRAINT "Charter_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;
