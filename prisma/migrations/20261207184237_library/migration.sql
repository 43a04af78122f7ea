-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('ETHICS_CHARTER', 'DELIBERATION', 'TENDER_CLAUSE', 'IMPACT_ASSESSMENT', 'PROCUREMENT_FILE', 'EVALUATION_REPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "DocumentLicence" AS ENUM ('LICENCE_OUVERTE_2', 'CC_BY_4', 'ALL_RIGHTS_RESERVED');

-- CreateTable
CREATE TABLE "Document" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "type" "DocumentType" NOT NULL,
    "licence" "DocumentLicence" NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "documentDate" DATE,
    "sourceUrl" TEXT,
    "sourceDate" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" INTEGER,
    "downloadCount" INTEGER NOT NULL DEFAULT 0,
    "searchVector" tsvector,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentVersion" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "uploadedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentTool" (
    "documentId" INTEGER NOT NULL,
    "toolId" INTEGER NOT NULL,

    CONSTRAINT "DocumentTool_pkey" PRIMARY KEY ("documentId","toolId")
);

-- CreateTable
CREATE TABLE "DocumentCategory" (
    "documentId" INTEGER NOT NULL,
    "categoryId" INTEGER NOT NULL,

    CONSTRAINT "DocumentCategory_pkey" PRIMARY KEY ("documentId","categoryId")
);

-- CreateTable
CREATE TABLE "DocumentReuse" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "markedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentReuse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_slug_key" ON "Document"("slug");

-- CreateIndex
CREATE INDEX "Document_organizationId_idx" ON "Document"("organizationId");

-- CreateIndex
CREATE INDEX "Document_createdById_idx" ON "Document"("createdById");

-- CreateIndex
CREATE INDEX "Document_type_id_idx" ON "Document"("type", "id");

-- CreateIndex
CREATE INDEX "Document_licence_id_idx" ON "Document"("licence", "id");

-- CreateIndex
CREATE INDEX "Document_searchVector_idx" ON "Document" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "DocumentVersion_uploadedById_idx" ON "DocumentVersion"("uploadedById");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVersion_documentId_number_key" ON "DocumentVersion"("documentId", "number");

-- CreateIndex
CREATE INDEX "DocumentTool_toolId_idx" ON "DocumentTool"("toolId");

-- CreateIndex
CREATE INDEX "DocumentCategory_categoryId_idx" ON "DocumentCategory"("categoryId");

-- CreateIndex
CREATE INDEX "DocumentReuse_organizationId_idx" ON "DocumentReuse"("organizationId");

-- CreateIndex
CREATE INDEX "DocumentReuse_markedById_idx" ON "DocumentReuse"("markedById");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentReuse_documentId_organizationId_key" ON "DocumentReuse"("documentId", "organizationId");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentTool" ADD CONSTRAINT "DocumentTool_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentTool" ADD CONSTRAINT "DocumentTool_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentCategory" ADD CONSTRAINT "DocumentCategory_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentCategory" ADD CONSTRAINT "DocumentCategory_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentReuse" ADD CONSTRAINT "DocumentReuse_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentReuse" ADD CONSTRAINT "DocumentReuse_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentReuse" ADD CONSTRAINT "DocumentReuse_markedById_fkey" FOREIGN KEY ("markedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- French full-text search of the library, kept by the database: title (weight A), summary (B) and the text extracted
-- from the current version, the one with the highest number (C, its first 200,000 characters: a tsvector keeps
-- positions up to 16,383 and may not pass 1 MB). The 'french' configuration (snowball stemmer) exists on PostgreSQL
-- and on PGlite alike: « mutualisations » and « mutualisation » both become 'mutualis'.
CREATE OR REPLACE FUNCTION "library_document_vector"(doc_id integer, doc_title text, doc_summary text) RETURNS tsvector AS $$
  SELECT setweight(to_tsvector('french', coalesce(doc_title, '')), 'A')
      || setweight(to_tsvector('french', coalesce(doc_summary, '')), 'B')
      || setweight(to_tsvector('french', coalesce((
           SELECT left(v."text", 200000) FROM "DocumentVersion" v WHERE v."documentId" = doc_id ORDER BY v."number" DESC LIMIT 1
         ), '')), 'C')
$$ LANGUAGE sql STABLE;

-- on a change of title or summary only: a download (downloadCount) does not read the text again
CREATE OR REPLACE FUNCTION "library_document_search"() RETURNS trigger AS $$
BEGIN
  NEW."searchVector" := "library_document_vector"(NEW."id", NEW."title", NEW."summary");
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Document_search" BEFORE INSERT OR UPDATE OF "title", "summary" ON "Document"
  FOR EACH ROW EXECUTE FUNCTION "library_document_search"();

-- a new version (or a removed one) changes the current text
CREATE OR REPLACE FUNCTION "library_version_search"() RETURNS trigger AS $$
DECLARE
  doc integer := CASE WHEN TG_OP = 'DELETE' THEN OLD."documentId" ELSE NEW."documentId" END;
BEGIN
  UPDATE "Document" d SET "searchVector" = "library_document_vector"(d."id", d."title", d."summary") WHERE d."id" = doc;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "DocumentVersion_search" AFTER INSERT OR UPDATE OF "text" OR DELETE ON "DocumentVersion"
  FOR EACH ROW EXECUTE FUNCTION "library_version_search"();
