import { useMutation, useQueryClient } from '@tanstack/react-query';
import { patch } from '../app/api.ts';
import { type Me, meQueryKey } from '../app/session.ts';
import type { ProfileUpdate } from './settings-api.ts';

/** PATCH /auth/me answers with the fresh session, so the layout shows the new name at once. */
export function useProfileUpdate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileUpdate) => patch<Me>('/auth/me', input),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
