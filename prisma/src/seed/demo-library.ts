import { createHash } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { DocumentLicence, DocumentType } from '../../generated/prisma/enums.ts';

// Demo documents of the shared library: every text below was written for the demonstration (titles start with
// « [Démonstration] », isDemo = true), none is a real deliberation or a real clause of a collectivité. No real public
// document is recorded here: this machine cannot reach the documents to check their address and date, and a
// metadata entry with an unchecked address would present an invented fact as real.

interface DemoDocument {
  slug: string;
  title: string;
  summary: string;
  type: DocumentType;
  licence: DocumentLicence;
  /** SIREN of the author organization. */
  author: string;
  date: string;
  tools: string[];
  categories: string[];
  file: { name: string; kind: 'md' | 'pdf'; text: string };
}

const BANNER = '> Document de démonstration rédigé pour Mutualis : ce n’est pas un texte adopté par une collectivité.\n\n';

const DOCUMENTS: DemoDocument[] = [
  {
    slug: 'demo-clause-environnementale-services-ia',
    title: '[Démonstration] Clause environnementale pour un marché de services d’IA',
    summary: 'Exemple de clause demandant au titulaire la consommation électrique du service, le pays d’hébergement et un plan de sobriété.',
    type: 'TENDER_CLAUSE',
    licence: 'LICENCE_OUVERTE_2',
    author: '242500361',
    date: '2025-02-10',
    tools: ['albert'],
    categories: ['analyse-marches-publics'],
    file: {
      name: 'clause-environnementale.md',
      kind: 'md',
      text:
        '# Clause environnementale (exemple)\n\n' + BANNER +
        'Article 1. Le titulaire communique chaque année la consommation électrique des serveurs d’inférence utilisés pour le service, ' +
        'en kilowattheures, et la méthode de mesure retenue.\n\n' +
        'Article 2. Le titulaire indique le pays et la région d’hébergement des données et des modèles.\n\n' +
        'Article 3. Le titulaire propose un plan de sobriété : taille de modèle adaptée à l’usage, mise en cache des réponses, extinction des environnements inutilisés.\n',
    },
  },
  {
    slug: 'demo-clause-localisation-reversibilite',
    title: '[Démonstration] Clause de localisation des données et de réversibilité',
    summary: 'Exemple de clause : hébergement dans l’Union européenne, restitution des données dans un format ouvert, assistance à la réversibilité.',
    type: 'TENDER_CLAUSE',
    licence: 'CC_BY_4',
    author: '242100410',
    date: '2025-04-03',
    tools: [],
    categories: [],
    file: {
      name: 'clause-localisation-reversibilite.md',
      kind: 'md',
      text:
        '# Localisation des données et réversibilité (exemple)\n\n' + BANNER +
        '1. Les données de la collectivité sont hébergées exclusivement dans l’Union européenne.\n\n' +
        '2. En fin de marché, le titulaire restitue l’ensemble des données et des journaux dans un format ouvert et documenté, ' +
        'dans un délai de trente jours, puis les efface et en fournit l’attestation.\n\n' +
        '3. Le titulaire assiste la collectivité pendant la réversibilité vers une autre solution, sans surcoût.\n',
    },
  },
  {
    slug: 'demo-charte-ethique-ia',
    title: '[Démonstration] Charte éthique de l’intelligence artificielle',
    summary: 'Exemple de charte : contrôle humain des décisions, transparence envers les usagers, protection des données, mutualisation des outils.',
    type: 'ETHICS_CHARTER',
    licence: 'LICENCE_OUVERTE_2',
    author: '212500565',
    date: '2024-11-18',
    tools: [],
    categories: ['chatbot-citoyen'],
    file: {
      name: 'charte-ethique-ia.pdf',
      kind: 'pdf',
      text: 'Charte de démonstration : chaque décision reste contrôlée par un agent ; les mutualisations entre collectivités sont encouragées.',
    },
  },
  {
    slug: 'demo-aipd-transcription-reunions',
    title: '[Démonstration] Modèle d’analyse d’impact (AIPD) pour la transcription des réunions',
    summary: 'Exemple de trame d’AIPD : finalités, données traitées, durée de conservation, risques pour les personnes et mesures.',
    type: 'IMPACT_ASSESSMENT',
    licence: 'CC_BY_4',
    author: '242500361',
    date: '2025-05-20',
    tools: [],
    categories: ['transcription-reunions'],
    file: {
      name: 'aipd-transcription.md',
      kind: 'md',
      text:
        '# Analyse d’impact relative à la protection des données (trame d’exemple)\n\n' + BANNER +
        '## Finalité\nProduire le compte rendu des réunions à partir de leur enregistrement.\n\n' +
        '## Données traitées\nVoix et propos des participants, noms cités.\n\n' +
        '## Conservation\nEnregistrements effacés après validation du compte rendu, au plus trente jours.\n\n' +
        '## Risques et mesures\nErreur de transcription : relecture par un agent avant diffusion. Accès non autorisé : comptes nominatifs, journalisation.\n',
    },
  },
];

/** A one-page PDF 1.4 holding one line of Latin-1 text (Helvetica, WinAnsi: « é » written \351). */
function demoPdf(text: string): Buffer {
  const escaped = [...text.replace(/[()\\]/g, '')].map((c) => (c.charCodeAt(0) > 127 ? `\\${c.charCodeAt(0).toString(8)}` : c)).join('');
  const stream = `BT /F1 11 Tf 50 780 Td (${escaped}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const MIME = { md: 'text/markdown; charset=utf-8', pdf: 'application/pdf' } as const;

/** The demo documents that are missing (by slug), each with its one version; returns how many were created. */
export async function seedDemoLibrary(prisma: PrismaClient): Promise<number> {
  let created = 0;
  for (const doc of DOCUMENTS) {
    if (await prisma.document.findUnique({ where: { slug: doc.slug }, select: { id: true } })) continue;
    const organization = await prisma.organization.findUnique({ where: { siren: doc.author }, select: { id: true } });
    if (!organization) continue;
    const tools = await prisma.tool.findMany({ where: { slug: { in: doc.tools } }, select: { id: true } });
    const categories = await prisma.category.findMany({ where: { slug: { in: doc.categories } }, select: { id: true } });
    const bytes = doc.file.kind === 'pdf' ? demoPdf(doc.file.text) : Buffer.from(doc.file.text, 'utf8');
    await prisma.document.create({
      data: {
        slug: doc.slug,
        title: doc.title,
        summary: doc.summary,
        type: doc.type,
        licence: doc.licence,
        organizationId: organization.id,
        documentDate: new Date(`${doc.date}T00:00:00Z`),
        isDemo: true,
        versions: {
          create: {
            number: 1,
            fileName: doc.file.name,
            mimeType: MIME[doc.file.kind],
            byteSize: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            content: new Uint8Array(bytes),
            text: doc.file.text,
          },
        },
        tools: { create: tools.map((t) => ({ toolId: t.id })) },
        categories: { create: categories.map((c) => ({ categoryId: c.id })) },
      },
    });
    created++;
  }
  return created;
}
