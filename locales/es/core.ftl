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

## Países (ISO 3166-1 alfa-2) y áreas del tablón.

country-AR = Argentina
country-AT = Austria
country-AU = Australia
country-BE = Bélgica
country-BG = Bulgaria
country-BR = Brasil
country-CA = Canadá
country-CH = Suiza
country-CL = Chile
country-CY = Chipre
country-CZ = Chequia
country-DE = Alemania
country-DK = Dinamarca
country-EE = Estonia
country-ES = España
country-FI = Finlandia
country-FR = Francia
country-GB = Reino Unido
country-GE = Georgia
country-GR = Grecia
country-HR = Croacia
country-HU = Hungría
country-IE = Irlanda
country-IL = Israel
country-IN = India
country-IS = Islandia
country-IT = Italia
country-JP = Japón
country-KR = Corea del Sur
country-LT = Lituania
country-LU = Luxemburgo
country-LV = Letonia
country-MD = Moldavia
country-MT = Malta
country-MX = México
country-NL = Países Bajos
country-NO = Noruega
country-NZ = Nueva Zelanda
country-PL = Polonia
country-PT = Portugal
country-RO = Rumanía
country-RS = Serbia
country-SE = Suecia
country-SG = Singapur
country-SI = Eslovenia
country-SK = Eslovaquia
country-TR = Turquía
country-UA = Ucrania
country-US = Estados Unidos
country-UY = Uruguay
country-ZA = Sudáfrica

category-backend = Backend
category-data-bi = Datos y BI
category-devops = DevOps y SRE
category-frontend = Frontend
category-mobile = Móvil
category-qa = QA y testing
category-security = Seguridad
