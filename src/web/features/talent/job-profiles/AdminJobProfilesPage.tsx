/** Job profiles with their expected skill levels, career paths between them, and the profiles import. */
export default function AdminJobProfilesPage() {
  return null;
}
