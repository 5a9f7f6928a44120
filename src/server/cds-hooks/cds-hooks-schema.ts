import { z } from 'zod';

/**
 * CDS Hooks 2.0 (https://cds-hooks.hl7.org/2.0/) as zod schemas: the request an EHR posts, the
 * feedback it reports, and the card this service answers with. The card schema is the published
 * shape with its constraints (summary under 140 characters, the three indicators, a source with
 * a label, selectionBehavior whenever there are suggestions); the service checks every card it
 * sends against it.
 */

const CodingSchema = z.object({
  system: z.string().optional(),
  code: z.string(),
  display: z.string().optional(),
});

export const CdsRequestSchema = z.looseObject({
  hook: z.string().min(1),
  hookInstance: z.string().min(1),
  fhirServer: z.url({ protocol: /^https?$/ }).optional(),
  fhirAuthorization: z
    .looseObject({
      access_token: z.string().min(1),
      token_type: z.literal('Bearer'),
      expires_in: z.number().int().positive(),
      scope: z.string(),
      subject: z.string(),
      patient: z.string().optional(),
    })
    .optional(),
  context: z.looseObject({
    userId: z.string().min(1),
    patientId: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a FHIR id'),
    encounterId: z.string().optional(),
  }),
  /** A key the EHR could not fill is absent or null: the service then asks the FHIR server itself. */
  prefetch: z.record(z.string(), z.unknown()).optional(),
});
export type CdsRequest = z.infer<typeof CdsRequestSchema>;

export const FeedbackSchema = z.object({
  feedback: z
    .array(
      z.looseObject({
        card: z.string().min(1),
        outcome: z.enum(['accepted', 'overridden']),
        acceptedSuggestions: z.array(z.object({ id: z.string() })).optional(),
        overrideReason: z
          .looseObject({ reason: CodingSchema.optional(), userComment: z.string().optional() })
          .optional(),
        outcomeTimestamp: z.iso.datetime({ offset: true }),
      }),
    )
    .min(1)
    .max(100),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

const ActionSchema = z.object({
  type: z.enum(['create', 'update', 'delete']),
  description: z.string(),
  resource: z.looseObject({ resourceType: z.string() }).optional(),
  resourceId: z.array(z.string()).optional(),
});

const SuggestionSchema = z.object({
  label: z.string().min(1),
  uuid: z.uuid().optional(),
  isRecommended: z.boolean().optional(),
  actions: z.array(ActionSchema).optional(),
});

export const LinkSchema = z.object({
  label: z.string().min(1),
  url: z.url(),
  type: z.enum(['absolute', 'smart']),
  appContext: z.string().optional(),
});

export type Link = z.infer<typeof LinkSchema>;

export const CardSchema = z
  .object({
    uuid: z.uuid().optional(),
    summary: z.string().min(1).max(139, 'summary must be shorter than 140 characters'),
    detail: z.string().optional(),
    indicator: z.enum(['info', 'warning', 'critical']),
    source: z.object({
      label: z.string().min(1),
      url: z.url().optional(),
      icon: z.url().optional(),
      topic: CodingSchema.optional(),
    }),
    suggestions: z.array(SuggestionSchema).optional(),
    selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
    overrideReasons: z.array(CodingSchema).optional(),
    links: z.array(LinkSchema).optional(),
  })
  .strict()
  .refine((card) => card.suggestions === undefined || card.selectionBehavior !== undefined, {
    message: 'selectionBehavior is required when a card has suggestions',
    path: ['selectionBehavior'],
  });
export type Card = z.infer<typeof CardSchema>;

export const CdsResponseSchema = z.object({
  cards: z.array(CardSchema),
  systemActions: z.array(ActionSchema).optional(),
});
export type CdsResponse = z.infer<typeof CdsResponseSchema>;
