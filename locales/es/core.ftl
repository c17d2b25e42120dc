## Formatos y nombres comunes a todas las páginas.

language-name = Español
format-digit-group = .
format-date = { $day } { $month } { $year }
format-date-time = { $date }, { $time } UTC
month-short-1 = ene
month-short-2 = feb
month-short-3 = mar
month-short-4 = abr
month-short-5 = may
month-short-6 = jun
month-short-7 = jul
month-short-8 = ago
month-short-9 = sept
month-short-10 = oct
month-short-11 = nov
month-short-12 = dic

vacancy-count = { $count ->
    [one] { $n } vacante
   *[other] { $n } vacantes
}

## Áreas del tablón.


category-backend = Backend
category-data-bi = Datos y BI
category-devops = DevOps y SRE
category-frontend = Frontend
category-mobile = Móvil
category-qa = QA y testing
category-security = Seguridad

language-en = inglés
language-es = español
content-written-in = Escrito en { $language }.
