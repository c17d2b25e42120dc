## Nombres de los valores guardados, comunes a las páginas públicas y a la administración. La
## clave es el prefijo más el valor guardado (`seniority-middle_plus`).

seniority-intern = Becario/a
seniority-junior = Junior
seniority-middle = Semi-senior
seniority-middle_plus = Semi-senior+
seniority-senior = Senior
seniority-lead = Líder técnico

employment-full_time = Jornada completa
employment-part_time = Media jornada
employment-contract = Freelance
employment-internship = Prácticas
employment-temporary = Temporal

work-mode-remote = En remoto
work-mode-hybrid = Híbrido
work-mode-onsite = Presencial

salary-period-hour = por hora
salary-period-day = por día
salary-period-month = al mes
salary-period-year = al año

# Un salario tal como lo muestran las páginas; las cantidades ya vienen con el formato del idioma.
salary-range = { $min }–{ $max } { $currency } { $period }
salary-exact = { $amount } { $currency } { $period }
salary-from = desde { $amount } { $currency } { $period }
salary-up-to = hasta { $amount } { $currency } { $period }

# Dónde está una vacante: «En remoto (Alemania, Polonia)».
place-remote = En remoto
place-remote-in = En remoto ({ $countries })
places-and-more = { $places } y { $count } más

vacancy-status-draft = Borrador
vacancy-status-published = Publicada
vacancy-status-closed = Cerrada

article-status-draft = Borrador
article-status-published = Publicado

comment-status-pending = Pendiente
comment-status-approved = Aprobado
comment-status-spam = Spam

role-admin = Administrador/a
role-recruiter = Reclutador/a

# En qué punto del proceso está una candidatura (lo ve el equipo de selección).
stage-new = Nueva
stage-reviewing = En revisión
stage-interview = Entrevista
stage-offer = Oferta
stage-hired = Contratada
stage-rejected = Descartada
stage-withdrawn = Retirada

# Lo que ve la persona candidata.
public-status-received = Recibida
public-status-in-review = En revisión
public-status-closed = Cerrada

## Países, por su código ISO 3166-1.

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
