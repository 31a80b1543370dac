/** Career paths as a map: job profiles by family, promotions and lateral moves; compare me to a profile. */
export default function CareerMapPage() {
  return null;
}
