import { z } from 'zod';

export const notificationKinds = ['sla_breach'] as const;

export const notificationResponse = z.object({
  id: z.uuid(),
  kind: z.enum(notificationKinds),
  /** What it is about: the contact for a lead, with a name to show. */
  subject: z.object({
    contactId: z.uuid().optional(),
    name: z.string().optional(),
    dueAt: z.string().optional(),
  }),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationResponse>;

export const notificationListResponse = z.object({
  data: z.array(notificationResponse),
  unread: z.number().int(),
});
