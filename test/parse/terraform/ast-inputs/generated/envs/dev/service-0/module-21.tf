module "module_21_0" {
  source = "../../../modules/bucket"

  name        = "${local.name_prefix}-module-21-0"
  kms_key_arn = aws_kms_key.logs_28a.arn
  versioning  = var.environment == "prod"
  tags        = local.common_tags
}

module "module_21_1" {
  source = "../../../modules/bucket"

  name        = "${local.name_prefix}-module-21-1"
  kms_key_arn = aws_kms_key.queue_0a.arn
  versioning  = var.environment == "prod"
  tags        = local.common_tags
}

module "module_21_2" {
  source = "../../../modules/bucket"

  name        = "${local.name_prefix}-module-21-2"
  kms_key_arn = aws_kms_key.logs_36b.arn
  versioning  = var.environment == "prod"
  tags        = local.common_tags
}

module "module_21_3" {
  source = "../../../modules/bucket"

  name        = "${local.name_prefix}-module-21-3"
  kms_key_arn = aws_kms_key.logs_36b.arn
  versioning  = var.environment == "prod"
  tags        = local.common_tags
}

module "module_21_4" {
  source = "../../../modules/bucket"

  name        = "${local.name_prefix}-module-21-4"
  kms_key_arn = "arn:aws:kms:eu-central-1:777788889999:key/292e3293-9387-a67e-1ad2-a883237aa937"
  versioning  = var.environment == "prod"
  tags        = local.common_tags
}

module "module_21_5" {
  source = "../../../modules/bucket"

  name        = "${local.name_prefix}-module-21-5"
  kms_key_arn = aws_kms_key.secrets_12b.arn
  versioning  = var.environment == "prod"
  tags        = local.common_tags
}

module "module_21_6" {
  source = "../../../modules/bucket"

  name        = "${local.name_prefix}-module-21-6"
  kms_key_arn = aws_kms_key.data_4b.arn
  versioning  = var.environment == "prod"
  tags        = local.common_tags
}
