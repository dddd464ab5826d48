/**
 * Templates for a legal department: contract review and non-disclosure agreements.
 */
import { hours, type ServiceTemplate, workingDays } from './types.ts';

const contractReview: ServiceTemplate = {
  id: 'contract-review',
  area: 'legal',
  service: {
    name: 'Contract review',
    summary:
      'Legal reviews a contract before you sign it: risks, liability, data protection and the terms that matter to the business.',
    description:
      'Send the draft as an editable file, with what was agreed commercially. Legal returns tracked changes and a short risk summary, and helps with the negotiation if the other party pushes back. Only the version Legal approves goes to signature.',
    tags: ['contract', 'legal review', 'agreement'],
    form: [
      {
        id: 'counterparty',
        kind: 'text',
        label: 'Other party',
        help: 'The full legal name.',
        required: true,
        max: 200,
      },
      {
        id: 'contractType',
        kind: 'select',
        label: 'Kind of contract',
        required: true,
        options: [
          'Customer contract',
          'Supplier or purchase contract',
          'Partnership or reseller',
          'Software licence or cloud terms',
          'Lease',
          'Other',
        ],
      },
      {
        id: 'contractTypeOther',
        kind: 'text',
        label: 'Describe it',
        required: true,
        max: 200,
        visibleWhen: { field: 'contractType', equals: ['Other'] },
      },
      {
        id: 'paper',
        kind: 'select',
        label: 'Whose draft',
        required: true,
        options: ['Our template', "The other party's draft"],
      },
      {
        id: 'value',
        kind: 'number',
        label: 'Total value (EUR)',
        help: 'Over the whole term; 0 if there is none.',
        required: true,
        min: 0,
        max: 1000000000,
      },
      {
        id: 'term',
        kind: 'select',
        label: 'Term',
        required: true,
        options: ['Up to 1 year', '1 to 3 years', 'Over 3 years', 'Indefinite'],
      },
      {
        id: 'personalData',
        kind: 'checkbox',
        label: 'Personal data will be shared or processed',
        required: false,
      },
      {
        id: 'dpa',
        kind: 'select',
        label: 'Data processing agreement',
        required: true,
        options: ['Attached to the contract', 'One is needed', 'Not sure'],
        visibleWhen: { field: 'personalData', equals: [true] },
      },
      {
        id: 'keyPoints',
        kind: 'longText',
        label: 'What matters to the business',
        help: 'What was agreed, what the other party pushed back on, the risks you see.',
        required: true,
        min: 20,
        max: 5000,
      },
      { id: 'signatory', kind: 'text', label: 'Who signs for us', required: true, max: 120 },
      { id: 'deadline', kind: 'date', label: 'Signature needed by', required: true, notPast: true },
    ],
    inputs: [{ id: 'draft', label: 'Contract draft (editable file)', kind: 'attachment', required: true }],
    deliverables: [
      { id: 'reviewed', label: 'Draft returned with tracked changes or comments', required: true },
      { id: 'risks', label: 'Risk summary for the business owner', required: true },
      { id: 'approved', label: 'Final version approved for signature', required: true },
      { id: 'register', label: 'Signed contract stored in the contract register', required: false },
    ],
    stages: [
      { id: 'intake', name: 'Intake', targetMinutes: hours(4) },
      { id: 'review', name: 'Review', targetMinutes: workingDays(3) },
      { id: 'negotiation', name: 'Negotiation' },
      { id: 'approval', name: 'Approval for signature', targetMinutes: workingDays(1) },
    ],
    approval: { kind: 'none' },
    standard: {
      firstResponseMinutes: workingDays(1),
      resolutionMinutes: workingDays(10),
      warningAt: 0.8,
      always: false,
    },
    survey: { enabled: true, question: "How useful was Legal's review of your contract?" },
    translations: {
      pl: {
        name: 'Przegląd umowy',
        summary:
          'Dział prawny sprawdza umowę przed podpisaniem: ryzyka, odpowiedzialność, ochronę danych i warunki ważne dla biznesu.',
        description:
          'Prześlij projekt w edytowalnym pliku razem z tym, co uzgodniono biznesowo. Dział prawny odeśle zmiany w trybie śledzenia i krótkie podsumowanie ryzyk oraz pomoże w negocjacjach, jeśli druga strona nie przyjmie zmian. Do podpisu trafia wyłącznie wersja zaakceptowana przez dział prawny.',
        fields: {
          counterparty: { label: 'Druga strona', help: 'Pełna nazwa prawna.' },
          contractType: { label: 'Rodzaj umowy' },
          contractTypeOther: { label: 'Opisz ją' },
          paper: { label: 'Czyj projekt' },
          value: {
            label: 'Łączna wartość (EUR)',
            help: 'Za cały okres obowiązywania; 0, jeśli umowa nie ma wartości.',
          },
          term: { label: 'Okres obowiązywania' },
          personalData: { label: 'Umowa obejmuje udostępnianie lub przetwarzanie danych osobowych' },
          dpa: { label: 'Umowa powierzenia przetwarzania danych' },
          keyPoints: {
            label: 'Co jest ważne dla biznesu',
            help: 'Co uzgodniono, czego druga strona nie przyjęła, jakie widzisz ryzyka.',
          },
          signatory: { label: 'Kto podpisuje w imieniu firmy' },
          deadline: { label: 'Termin podpisania' },
        },
        inputs: { draft: 'Projekt umowy (plik edytowalny)' },
        deliverables: {
          reviewed: 'Odesłano projekt ze zmianami w trybie śledzenia lub z komentarzami',
          risks: 'Przygotowano podsumowanie ryzyk dla właściciela biznesowego',
          approved: 'Zaakceptowano ostateczną wersję do podpisu',
          register: 'Podpisaną umowę zapisano w rejestrze umów',
        },
        stages: {
          intake: 'Przyjęcie',
          review: 'Analiza',
          negotiation: 'Negocjacje',
          approval: 'Akceptacja do podpisu',
        },
        surveyQuestion: 'Jak przydatny był przegląd Twojej umowy przez dział prawny?',
      },
    },
  },
  example: {
    counterparty: 'Nordic Logistics AB',
    contractType: 'Supplier or purchase contract',
    paper: "The other party's draft",
    value: 120000,
    term: '1 to 3 years',
    keyPoints: 'Price fixed for 2 years; they refused to cap their liability.',
    signatory: 'Frank Moreau, CFO',
    deadline: '2027-04-15',
  },
};

const nda: ServiceTemplate = {
  id: 'nda',
  area: 'legal',
  service: {
    name: 'Non-disclosure agreement (NDA)',
    summary:
      'An NDA before you share or receive confidential information: our standard one in a day, or theirs reviewed.',
    description:
      'Our standard NDA is prepared from your answers and sent for electronic signature. If the other party insists on its own NDA, attach it and Legal reviews it. Share nothing confidential until both parties have signed.',
    tags: ['nda', 'confidentiality', 'agreement'],
    form: [
      { id: 'counterparty', kind: 'text', label: "Other party's full legal name", required: true, max: 200 },
      {
        id: 'registration',
        kind: 'text',
        label: 'Their registration or tax number',
        required: true,
        max: 40,
      },
      { id: 'address', kind: 'text', label: 'Their registered address', required: true, max: 300 },
      {
        id: 'direction',
        kind: 'select',
        label: 'Who shares confidential information',
        required: true,
        options: ['Both parties', 'Only we do', 'Only they do'],
      },
      {
        id: 'purpose',
        kind: 'longText',
        label: 'Purpose',
        help: 'What you will discuss, e.g. "a joint offer in a public tender".',
        required: true,
        min: 10,
        max: 2000,
      },
      {
        id: 'paper',
        kind: 'select',
        label: 'Which NDA',
        required: true,
        options: ['Our standard NDA', "The other party's NDA"],
      },
      {
        id: 'theirDraft',
        kind: 'attachment',
        label: 'Their NDA (editable file)',
        required: true,
        visibleWhen: { field: 'paper', equals: ["The other party's NDA"] },
      },
      {
        id: 'period',
        kind: 'select',
        label: 'Confidentiality period',
        required: true,
        options: ['2 years', '3 years', '5 years'],
      },
      { id: 'signerName', kind: 'text', label: 'Their signatory (name and role)', required: true, max: 120 },
      {
        id: 'signerEmail',
        kind: 'email',
        label: "Signatory's email",
        help: 'For the electronic signature.',
        required: true,
      },
    ],
    inputs: [],
    deliverables: [
      { id: 'prepared', label: 'NDA prepared, or their draft reviewed', required: true },
      { id: 'sent', label: 'Sent for signature', required: true },
      { id: 'signed', label: 'Signed by both parties and stored in the contract register', required: true },
    ],
    stages: [
      { id: 'preparation', name: 'Preparation', targetMinutes: workingDays(1) },
      { id: 'signature', name: 'Signature', targetMinutes: workingDays(2) },
    ],
    approval: { kind: 'none' },
    standard: {
      firstResponseMinutes: hours(4),
      resolutionMinutes: workingDays(3),
      warningAt: 0.8,
      always: false,
    },
    survey: { enabled: true, question: 'How satisfied are you with how quickly your NDA was ready?' },
    translations: {
      pl: {
        name: 'Umowa o zachowaniu poufności (NDA)',
        summary:
          'NDA przed przekazaniem lub otrzymaniem informacji poufnych: nasz standardowy wzór w jeden dzień albo przegląd wzoru drugiej strony.',
        description:
          'Nasz standardowy wzór NDA przygotujemy na podstawie Twoich odpowiedzi i wyślemy do podpisu elektronicznego. Jeśli druga strona nalega na własny wzór, dołącz go, a dział prawny go sprawdzi. Nie przekazuj żadnych informacji poufnych, dopóki obie strony nie podpiszą umowy.',
        fields: {
          counterparty: { label: 'Pełna nazwa prawna drugiej strony' },
          registration: { label: 'Numer rejestrowy lub NIP drugiej strony' },
          address: { label: 'Adres siedziby drugiej strony' },
          direction: { label: 'Kto przekazuje informacje poufne' },
          purpose: { label: 'Cel', help: 'Czego dotyczą rozmowy, np. „wspólnej oferty w przetargu publicznym”.' },
          paper: { label: 'Który wzór NDA' },
          theirDraft: { label: 'Wzór NDA drugiej strony (plik edytowalny)' },
          period: { label: 'Okres zachowania poufności' },
          signerName: { label: 'Osoba podpisująca po drugiej stronie (imię, nazwisko i stanowisko)' },
          signerEmail: { label: 'E-mail osoby podpisującej', help: 'Do podpisu elektronicznego.' },
        },
        deliverables: {
          prepared: 'Przygotowano NDA lub sprawdzono wzór drugiej strony',
          sent: 'Wysłano do podpisu',
          signed: 'Obie strony podpisały umowę; zapisano ją w rejestrze umów',
        },
        stages: { preparation: 'Przygotowanie', signature: 'Podpisywanie' },
        surveyQuestion: 'Jak oceniasz czas przygotowania Twojej umowy NDA?',
      },
    },
  },
  example: {
    counterparty: 'Nordic Logistics AB',
    registration: 'SE556677889901',
    address: 'Storgatan 1, 111 22 Stockholm, Sweden',
    direction: 'Both parties',
    purpose: 'Evaluating a joint offer for a logistics tender.',
    paper: 'Our standard NDA',
    period: '3 years',
    signerName: 'Erik Lind, CEO',
    signerEmail: 'erik.lind@example.com',
  },
};

export const legalTemplates: ServiceTemplate[] = [contractReview, nda];
